package org.queryaudit.classify;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * What classify and evaluate need to know about one event: whose data, who asked (as
 * resolved, with how its level and state were known), why (as tagged), and any legal process
 * the log shows.
 */
public record EventFacts(String ownerAgency, String ownerState, String sourceSystem, LocalDate localDate,
                         String requesterName, String requesterOri, String level, String requesterState,
                         String component, boolean immigrationAgency, List<String> tags, String reason,
                         String legalProcess, String pathway, String resolutionBasis, String stateBasis,
                         String stateAlternative) implements Serializable {
    public EventFacts {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The same facts once the door is known. */
    public EventFacts withPathway(String door) {
        return new EventFacts(ownerAgency, ownerState, sourceSystem, localDate, requesterName, requesterOri, level,
                requesterState, component, immigrationAgency, tags, reason, legalProcess, door, resolutionBasis, stateBasis,
                stateAlternative);
    }

    public boolean tagged(String tag) {
        return tags.contains(tag);
    }

    /** ALPR data, or DMV records (portals and Nlets alike). */
    public String dataKind() {
        return "ALPR".equals(sourceSystem) ? "alpr" : "dmv";
    }

    public String requesterDisplay() {
        if (requesterName != null && !requesterName.isBlank()) {
            return requesterName;
        }
        return requesterOri != null ? requesterOri : "an unknown requester";
    }
}
