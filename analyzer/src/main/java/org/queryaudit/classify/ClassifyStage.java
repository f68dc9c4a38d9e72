package org.queryaudit.classify;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Adds {@code pathway} (front door, back door, side door, in state, share unknown: see {@link Pathway}),
 * {@code data_class} (what the query reached: see {@link org.queryaudit.reference.MessageKeys}) and
 * {@code access_agreement} (the agreement a federal DMV query came under or after: {@link AccessAgreements}).
 */
public final class ClassifyStage {
    public static final String PATHWAY = "pathway";
    public static final String DATA_CLASS = "data_class";
    public static final String AGREEMENT = "access_agreement";
    /** The columns this stage adds. */
    public static final List<StructField> COLUMNS = List.of(DataTypes.createStructField(PATHWAY, DataTypes.StringType, false),
            DataTypes.createStructField(DATA_CLASS, DataTypes.StringType, false),
            DataTypes.createStructField(AGREEMENT, DataTypes.StringType, true));

    private ClassifyStage() {
    }
}
