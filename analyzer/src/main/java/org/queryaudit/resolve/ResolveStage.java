package org.queryaudit.resolve;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.queryaudit.model.ResolveColumns;

/**
 * Adds who asked to every event (the columns of {@link ResolveColumns}). Requesters repeat (a month holds millions of queries by a
 * few thousand agencies), so each distinct (name, ORI) is resolved once per task and
 * remembered: the directory's patterns run once per requester, not once per row.
 */
public final class ResolveStage implements Serializable {
    /** Distinct requesters remembered per task before the memory starts over. */
    private static final int REMEMBERED = 100_000;
    private final AgencyResolver resolver;
    private transient Map<String, Resolution> seen;

    public ResolveStage(AgencyResolver resolver) {
        this.resolver = resolver;
    }

    public Resolution resolve(String name, String ori) {
        if (seen == null) {
            seen = new HashMap<>();
        }
        String key = name + "\u0001" + ori;
        Resolution r = seen.get(key);
        if (r == null) {
            if (seen.size() >= REMEMBERED) {
                seen.clear();
            }
            r = resolver.resolve(name, ori);
            seen.put(key, r);
        }
        return r;
    }

    /** The stage's column values of one resolution, in {@link ResolveColumns#COLUMNS} order. */
    public static Object[] values(Resolution r) {
        return new Object[] {r.level(), r.state(), r.department(), r.component(), r.immigration(), r.basis(), r.inactive(), r.stateBasis(),
            r.stateAlternative()};
    }
}
