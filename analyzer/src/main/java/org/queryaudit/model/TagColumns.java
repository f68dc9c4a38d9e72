package org.queryaudit.model;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * The tag stage's columns: why they asked, {@code tags} (categories) and {@code tag_evidence}
 * ({@code category:pattern:field="matched text"}); and apart from the tags, what the reason says
 * of who is assisted ({@code beneficiaries}: ICE-HSI, CBP-USBP, FBI, ...) and what for
 * ({@code purpose}: immigration_civil, immigration_criminal, immigration, other_offence,
 * not_stated, with its {@code purpose_evidence}). Written by the reason tagger.
 */
public final class TagColumns {
    public static final String TAGS = "tags";
    public static final String EVIDENCE = "tag_evidence";
    public static final String BENEFICIARIES = "beneficiaries";
    public static final String PURPOSE = "purpose";
    public static final String PURPOSE_EVIDENCE = "purpose_evidence";
    /** The columns, in order. */
    public static final List<StructField> COLUMNS = List.of(
            DataTypes.createStructField(TAGS, DataTypes.createArrayType(DataTypes.StringType, false), false),
            DataTypes.createStructField(EVIDENCE, DataTypes.createArrayType(DataTypes.StringType, false), false),
            DataTypes.createStructField(BENEFICIARIES, DataTypes.createArrayType(DataTypes.StringType, false), false),
            DataTypes.createStructField(PURPOSE, DataTypes.StringType, false),
            DataTypes.createStructField(PURPOSE_EVIDENCE, DataTypes.StringType, true));

    private TagColumns() {
    }
}
