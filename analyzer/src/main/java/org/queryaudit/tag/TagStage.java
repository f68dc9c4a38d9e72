package org.queryaudit.tag;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Adds why they asked: {@code tags} (categories) and {@code tag_evidence}
 * ({@code category:pattern:field="matched text"}), from {@link ReasonTagger}, which compiles
 * its patterns once per task and remembers repeated reasons.
 */
public final class TagStage {
    public static final String TAGS = "tags";
    public static final String EVIDENCE = "tag_evidence";
    /** The columns this stage adds, in order. */
    public static final List<StructField> COLUMNS = List.of(
            DataTypes.createStructField(TAGS, DataTypes.createArrayType(DataTypes.StringType, false), false),
            DataTypes.createStructField(EVIDENCE, DataTypes.createArrayType(DataTypes.StringType, false), false));

    private TagStage() {
    }
}
