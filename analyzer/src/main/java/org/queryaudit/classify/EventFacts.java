package org.queryaudit.classify;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.queryaudit.tag.PurposeReading;

/**
 * What classify and evaluate need to know about one event: whose data, who asked (as
 * resolved, with how its level and state were known), why (as tagged), and any legal process
 * the log shows.
 */
public record EventFacts(String ownerAgency, String ownerState, String sourceSystem, LocalDate localDate,
                         String requesterName, String requesterOri, String level, String requesterState,
                         String component, boolean immigrationAgency, List<String> tags, String reason,
                         String legalProcess, String pathway, String resolutionBasis, String stateBasis,
                         String stateAlternative, String dataKind, java.time.Instant occurredAt,
                         String account, AccessAgreements.Access access, PurposeReading reading) implements Serializable {
    public EventFacts {
        tags = tags == null ? List.of() : List.copyOf(tags);
        reading = reading == null ? PurposeReading.NONE : reading;
    }

    /** Facts of an ALPR audit's or a DMV portal's query, whose data is ALPR data or DMV records. */
    public EventFacts(String ownerAgency, String ownerState, String sourceSystem, LocalDate localDate, String requesterName,
                      String requesterOri, String level, String requesterState, String component, boolean immigrationAgency,
                      List<String> tags, String reason, String legalProcess, String pathway, String resolutionBasis,
                      String stateBasis, String stateAlternative) {
        this(ownerAgency, ownerState, sourceSystem, localDate, requesterName, requesterOri, level, requesterState, component,
                immigrationAgency, tags, reason, legalProcess, pathway, resolutionBasis, stateBasis, stateAlternative,
                "ALPR".equals(sourceSystem) ? "alpr" : "dmv", null, null, null, null);
    }

    /** The same facts with what the reason says of who is assisted and what for. */
    public EventFacts withReading(PurposeReading r) {
        return new EventFacts(ownerAgency, ownerState, sourceSystem, localDate, requesterName, requesterOri, level,
                requesterState, component, immigrationAgency, tags, reason, legalProcess, pathway, resolutionBasis, stateBasis,
                stateAlternative, dataKind, occurredAt, account, access, r);
    }

    /** The same facts once the door is known. */
    public EventFacts withPathway(String door) {
        return new EventFacts(ownerAgency, ownerState, sourceSystem, localDate, requesterName, requesterOri, level,
                requesterState, component, immigrationAgency, tags, reason, legalProcess, door, resolutionBasis, stateBasis,
                stateAlternative, dataKind, occurredAt, account, access, reading);
    }

    /** The same facts with what the access agreements say of the query. */
    public EventFacts withAccess(AccessAgreements.Access a) {
        return new EventFacts(ownerAgency, ownerState, sourceSystem, localDate, requesterName, requesterOri, level,
                requesterState, component, immigrationAgency, tags, reason, legalProcess, a == null ? pathway : a.door(),
                resolutionBasis, stateBasis, stateAlternative, dataKind, occurredAt, account, a, reading);
    }

    /**
     * A broadcast's facts as one member state sees them: that state owns the data reached, and
     * its calendar dates the query.
     */
    public EventFacts forMember(String state, String stateName, LocalDate day) {
        return new EventFacts(stateName + ", through an Nlets multi-state broadcast (NL)", state, sourceSystem, day, requesterName, requesterOri,
                level, requesterState, component, immigrationAgency, tags, reason, legalProcess, pathway, resolutionBasis,
                stateBasis, stateAlternative, dataKind, occurredAt, account, null, reading);
    }

    public boolean tagged(String tag) {
        return tags.contains(tag);
    }

    /** A multi-state broadcast, checked against each member state's rules. */
    public boolean broadcast() {
        return org.queryaudit.model.QueryEvent.BROADCAST_OWNER.equals(ownerState);
    }

    public String requesterDisplay() {
        if (requesterName != null && !requesterName.isBlank()) {
            return requesterName;
        }
        return requesterOri != null ? requesterOri : "an unknown requester";
    }
}
