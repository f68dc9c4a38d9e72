package org.queryaudit.model;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The evaluate stage's column: {@code violations}, for each event the rules of its owner's state that it broke. */
public final class ViolationColumns {
    public static final String VIOLATIONS = "violations";
    /** A finding's own owner, where it is not the event's (a broadcast's member state). */
    public static final String FINDING_OWNER_AGENCY = "owner_agency";
    public static final String FINDING_OWNER_STATE = "owner_state";
    /** The way in, where it is not the owner's own system: "Nlets multi-state broadcast (NL)". */
    public static final String VIA = "via";
    public static final StructType FINDING = new StructType()
            .add("rule_id", DataTypes.StringType, false).add("citation", DataTypes.StringType, false)
            .add("severity", DataTypes.StringType, false).add("confidence", DataTypes.StringType, false)
            .add("rule_status", DataTypes.StringType, false).add("purpose_basis", DataTypes.StringType)
            .add("legal_process_kind", DataTypes.StringType).add("notice", DataTypes.StringType)
            .add("explanation", DataTypes.StringType, false)
            // Set only where the finding's owner is not the event's: a member state reached by a broadcast.
            .add(FINDING_OWNER_AGENCY, DataTypes.StringType).add(FINDING_OWNER_STATE, DataTypes.StringType)
            .add(VIA, DataTypes.StringType);
    /** The column. */
    public static final List<StructField> COLUMNS = List.of(
            DataTypes.createStructField(VIOLATIONS, DataTypes.createArrayType(FINDING, false), false));

    private ViolationColumns() {
    }
}
