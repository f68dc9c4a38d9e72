package org.queryaudit.evaluate;

import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.queryaudit.classify.FactsColumns;
import scala.jdk.javaapi.CollectionConverters;

/** Adds {@code violations}: for each event, the rules of its owner's state that it broke. */
public final class EvaluateStage {
    public static final String VIOLATIONS = "violations";
    public static final StructType FINDING = new StructType()
            .add("rule_id", DataTypes.StringType, false).add("citation", DataTypes.StringType, false)
            .add("severity", DataTypes.StringType, false).add("confidence", DataTypes.StringType, false)
            .add("rule_status", DataTypes.StringType, false).add("purpose_basis", DataTypes.StringType)
            .add("legal_process_kind", DataTypes.StringType).add("notice", DataTypes.StringType)
            .add("explanation", DataTypes.StringType, false);

    private EvaluateStage() {
    }

    public static Dataset<Row> apply(Dataset<Row> events, RuleEvaluator evaluator) {
        UserDefinedFunction evaluate = udf((UDF1<Row, scala.collection.Seq<Row>>) r -> {
            List<Row> rows = new ArrayList<>();
            for (Finding f : evaluator.evaluate(FactsColumns.facts(r))) {
                rows.add(RowFactory.create(f.ruleId(), f.citation(), f.severity(), f.confidence(), f.status(),
                        f.purposeBasis(), f.legalProcess(), f.notice(), f.explanation()));
            }
            return CollectionConverters.asScala(rows).toSeq();
        }, DataTypes.createArrayType(FINDING, false)).withName("queryaudit_evaluate");
        return events.withColumn(VIOLATIONS, evaluate.apply(FactsColumns.struct(true)));
    }
}
