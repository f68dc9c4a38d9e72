package org.queryaudit.model;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * The classify stage's columns: {@code pathway} (front door, back door, side door, in state, share unknown),
 * {@code data_class} (what the query reached: see the Nlets message keys) and
 * {@code access_agreement} (the agreement a federal DMV query came under or after: the access agreements).
 */
public final class ClassifyColumns {
    public static final String PATHWAY = "pathway";
    public static final String DATA_CLASS = "data_class";
    public static final String AGREEMENT = "access_agreement";
    /** The columns, in order. */
    public static final List<StructField> COLUMNS = List.of(DataTypes.createStructField(PATHWAY, DataTypes.StringType, false),
            DataTypes.createStructField(DATA_CLASS, DataTypes.StringType, false),
            DataTypes.createStructField(AGREEMENT, DataTypes.StringType, true));

    private ClassifyColumns() {
    }
}
