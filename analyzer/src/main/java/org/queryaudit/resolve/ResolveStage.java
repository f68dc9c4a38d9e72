package org.queryaudit.resolve;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Adds who asked to every event. Requesters repeat (a month holds millions of queries by a
 * few thousand agencies), so each distinct (name, ORI) is resolved once per task and
 * remembered: the directory's patterns run once per requester, not once per row.
 */
public final class ResolveStage implements Serializable {
    public static final String LEVEL = "requester_level";
    public static final String STATE = "requester_state";
    public static final String DEPARTMENT = "requester_department";
    public static final String COMPONENT = "requester_component";
    public static final String IMMIGRATION = "immigration_agency";
    public static final String BASIS = "resolution_basis";
    public static final String INACTIVE = "requester_inactive";
    public static final String STATE_BASIS = "requester_state_basis";
    public static final String STATE_ALTERNATIVE = "requester_state_alternative";
    /** The columns this stage adds, in order. */
    public static final List<StructField> COLUMNS = List.of(
            DataTypes.createStructField(LEVEL, DataTypes.StringType, false),
            DataTypes.createStructField(STATE, DataTypes.StringType, true),
            DataTypes.createStructField(DEPARTMENT, DataTypes.StringType, true),
            DataTypes.createStructField(COMPONENT, DataTypes.StringType, true),
            DataTypes.createStructField(IMMIGRATION, DataTypes.BooleanType, false),
            DataTypes.createStructField(BASIS, DataTypes.StringType, false),
            DataTypes.createStructField(INACTIVE, DataTypes.BooleanType, false),
            DataTypes.createStructField(STATE_BASIS, DataTypes.StringType, true),
            DataTypes.createStructField(STATE_ALTERNATIVE, DataTypes.StringType, true));
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

    /** The stage's column values of one resolution, in {@link #COLUMNS} order. */
    public static Object[] values(Resolution r) {
        return new Object[] {r.level(), r.state(), r.department(), r.component(), r.immigration(), r.basis(), r.inactive(), r.stateBasis(),
            r.stateAlternative()};
    }
}
