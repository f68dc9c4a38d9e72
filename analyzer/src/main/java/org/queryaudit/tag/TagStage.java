package org.queryaudit.tag;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.queryaudit.ingest.QueryEvent;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Adds why they asked: {@code tags} (categories) and {@code tag_evidence}
 * ({@code category:pattern:field="matched text"}). One Java function per row, which reads
 * each string once; the tagger compiles its patterns once per task and remembers repeated
 * reasons.
 */
public final class TagStage {
    public static final String TAGS = "tags";
    public static final String EVIDENCE = "tag_evidence";
    private static final String RESULT = "_tagging";
    static final StructType RESULT_TYPE = new StructType()
            .add(TAGS, DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add(EVIDENCE, DataTypes.createArrayType(DataTypes.StringType, false), false);

    private TagStage() {
    }

    public static Dataset<Row> apply(Dataset<Row> events, ReasonTagger tagger) {
        UserDefinedFunction tag = udf((UDF5<String, String, String, String, scala.collection.Seq<String>, Row>)
                (reason, caseNumber, offense, ownerState, redacted) -> {
                    Tagging t = tagger.tag(reason, caseNumber, offense, ownerState,
                            redacted == null ? java.util.List.of() : CollectionConverters.asJava(redacted));
                    return RowFactory.create(CollectionConverters.asScala(t.tags()).toSeq(),
                            CollectionConverters.asScala(t.evidence()).toSeq());
                }, RESULT_TYPE)
                // Deterministic in truth; marked otherwise so the optimiser never inlines the struct
                // into both field projections and runs the tagger twice per row.
                .asNondeterministic().withName("queryaudit_tag");
        return events.withColumn(RESULT, tag.apply(col(QueryEvent.REASON), col(QueryEvent.CASE_NUMBER),
                        col(QueryEvent.OFFENSE_TYPE), col(QueryEvent.OWNER_STATE), col(QueryEvent.REDACTED_FIELDS)))
                .withColumn(TAGS, col(RESULT + "." + TAGS))
                .withColumn(EVIDENCE, col(RESULT + "." + EVIDENCE))
                .drop(RESULT);
    }
}
