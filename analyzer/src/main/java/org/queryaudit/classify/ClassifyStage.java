package org.queryaudit.classify;

import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/** Adds {@code pathway} (front door, back door, side door, in state, share unknown) to every event. */
public final class ClassifyStage {
    private ClassifyStage() {
    }

    public static Dataset<Row> apply(Dataset<Row> events, SharingIndex sharing) {
        UserDefinedFunction pathway = udf((UDF1<Row, String>) r -> Pathway.of(FactsColumns.facts(r), sharing),
                DataTypes.StringType).withName("queryaudit_pathway");
        return events.withColumn(FactsColumns.PATHWAY, pathway.apply(FactsColumns.struct(false)));
    }
}
