package org.queryaudit.model;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * The tag stage's columns: why they asked, {@code tags} (categories) and {@code tag_evidence}
 * ({@code category:pattern:field="matched text"}), written by the reason tagger.
 */
public final class TagColumns {
    public static final String TAGS = "tags";
    public static final String EVIDENCE = "tag_evidence";
    /** The columns, in order. */
    public static final List<StructField> COLUMNS = List.of(
            DataTypes.createStructField(TAGS, DataTypes.createArrayType(DataTypes.StringType, false), false),
            DataTypes.createStructField(EVIDENCE, DataTypes.createArrayType(DataTypes.StringType, false), false));

    private TagColumns() {
    }
}
