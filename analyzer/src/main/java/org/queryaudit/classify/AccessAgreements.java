package org.queryaudit.classify;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.queryaudit.base.ConfigException;
import org.queryaudit.base.Yaml;

/**
 * Who holds access to a state's DMV data, through which channel and until when
 * ({@code queryaudit/agreements/agreements.yaml}, issue 17). A federal query under a live
 * agreement came through the front door; one without, where the state's agreements for that
 * channel are known, through the back door; one after the party's agreement ended is access
 * after revocation.
 */
public final class AccessAgreements implements Serializable {
    public static final String RESOURCE = "queryaudit/agreements/agreements.yaml";
    static final Set<String> CHANNELS = Set.of("NLETS", "DMV_PORTAL");

    /** Who an agreement is with: any of these components, ORIs or portal accounts. */
    public record Party(List<String> components, List<String> oris, List<String> accounts) implements Serializable {
        public Party {
            components = components == null ? List.of() : List.copyOf(components);
            oris = oris == null ? List.of() : List.copyOf(oris);
            accounts = accounts == null ? List.of() : List.copyOf(accounts);
        }

        boolean covers(String component, String ori, String account) {
            return component != null && components.contains(component) || ori != null && oris.contains(ori)
                    || account != null && accounts.contains(account);
        }
    }

    /** One agreement as the file states it. */
    public record Agreement(String id, String state, String channel, Party party, String authority, LocalDate start,
                            LocalDate end, @JsonProperty("end_precision") String endPrecision, String status,
                            String termination, String confidence, String note, String source) implements Serializable {
        boolean liveOn(LocalDate d) {
            return (start == null || !d.isBefore(start)) && (end == null || d.isBefore(end));
        }

        boolean endedBy(LocalDate d) {
            return end != null && !d.isBefore(end);
        }
    }

    /** What the agreements say of one query: its door and, if any, the agreement it came under or after. */
    public record Access(String door, Agreement agreement, boolean ended) implements Serializable {
    }

    record Layout(int version, List<Agreement> agreements) {
    }

    private final List<Agreement> agreements;
    private final Set<String> known = new HashSet<>();

    private AccessAgreements(List<Agreement> agreements) {
        this.agreements = List.copyOf(agreements);
        agreements.forEach(a -> known.add(a.state() + "|" + a.channel()));
    }

    public static AccessAgreements shipped() {
        return of(Yaml.shipped(RESOURCE), RESOURCE);
    }

    public static final AccessAgreements NONE = new AccessAgreements(List.of());

    /** Bound and checked once; a message names the file, the agreement and the field. */
    static AccessAgreements of(JsonNode root, String origin) {
        Layout layout = Yaml.bind(root, Layout.class, origin);
        if (layout.version() != 1 || layout.agreements() == null) {
            throw new ConfigException(origin + ": needs 'version: 1' and 'agreements'");
        }
        Set<String> ids = new HashSet<>();
        List<Agreement> out = new ArrayList<>();
        for (Agreement a : layout.agreements()) {
            String where = origin + ": agreement '" + a.id() + "'";
            if (a.id() == null || !ids.add(a.id())) {
                throw new ConfigException(where + ": field 'id' is missing or used twice");
            }
            if (a.state() == null || !org.queryaudit.reference.UsStates.shipped().isState(a.state())) {
                throw new ConfigException(where + ": field 'state' must be a two-letter state code");
            }
            if (!CHANNELS.contains(a.channel())) {
                throw new ConfigException(where + ": field 'channel' must be one of " + CHANNELS);
            }
            if (a.party() == null || a.party().components().isEmpty() && a.party().oris().isEmpty() && a.party().accounts().isEmpty()) {
                throw new ConfigException(where + ": field 'party' needs components, oris or accounts");
            }
            if (!Set.of("active", "terminated").contains(a.status())) {
                throw new ConfigException(where + ": field 'status' must be active or terminated");
            }
            if ("terminated".equals(a.status()) && (a.end() == null || a.termination() == null)) {
                throw new ConfigException(where + ": a terminated agreement needs 'end' and 'termination'");
            }
            if (!Set.of("high", "medium", "low").contains(a.confidence())) {
                throw new ConfigException(where + ": field 'confidence' must be high, medium or low");
            }
            if (a.authority() == null || a.source() == null) {
                throw new ConfigException(where + ": fields 'authority' and 'source' are required");
            }
            if (a.endPrecision() != null && !Set.of("day", "year").contains(a.endPrecision())) {
                throw new ConfigException(where + ": field 'end_precision' must be day or year");
            }
            out.add(a);
        }
        return new AccessAgreements(out);
    }

    /**
     * The door of a federal query of a state's DMV data on a day (in the owner's zone), or null
     * where the file lists no agreement for that state and channel (the door is then not known).
     */
    public Access access(String state, String channel, LocalDate day, String component, String ori, String account) {
        if (day == null || !known.contains(state + "|" + channel)) {
            return null;
        }
        Agreement ended = null;
        for (Agreement a : agreements) {
            if (!a.state().equals(state) || !a.channel().equals(channel) || !a.party().covers(component, ori, account)) {
                continue;
            }
            if (a.liveOn(day)) {
                return new Access(Pathway.FRONT_DOOR, a, false);
            }
            if (a.endedBy(day) && (ended == null || a.end().isAfter(ended.end()))) {
                ended = a;
            }
        }
        return new Access(Pathway.BACK_DOOR, ended, ended != null);
    }

    /** Components the file names, to be checked against the agency directory's. */
    public Set<String> components() {
        Set<String> out = new java.util.TreeSet<>();
        agreements.forEach(a -> out.addAll(a.party().components()));
        return out;
    }

    public List<Agreement> agreements() {
        return agreements;
    }
}
