package org.queryaudit.classify;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/** Adds {@code pathway} (front door, back door, side door, in state, share unknown): see {@link Pathway}. */
public final class ClassifyStage {
    public static final String PATHWAY = "pathway";
    /** The column this stage adds. */
    public static final List<StructField> COLUMNS = List.of(DataTypes.createStructField(PATHWAY, DataTypes.StringType, false));

    private ClassifyStage() {
    }
}
