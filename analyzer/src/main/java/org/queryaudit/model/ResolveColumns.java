package org.queryaudit.model;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * The resolve stage's columns: who asked, as the agency directory and the name's words tell
 * it (level, state, department, component, whether an immigration agency), and on what basis.
 */
public final class ResolveColumns {
    public static final String LEVEL = "requester_level";
    public static final String STATE = "requester_state";
    public static final String DEPARTMENT = "requester_department";
    public static final String COMPONENT = "requester_component";
    public static final String IMMIGRATION = "immigration_agency";
    public static final String BASIS = "resolution_basis";
    public static final String INACTIVE = "requester_inactive";
    public static final String STATE_BASIS = "requester_state_basis";
    public static final String STATE_ALTERNATIVE = "requester_state_alternative";
    /** The columns, in order. */
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

    private ResolveColumns() {
    }
}
