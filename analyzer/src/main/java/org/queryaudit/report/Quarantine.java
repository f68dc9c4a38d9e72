package org.queryaudit.report;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.queryaudit.model.QuarantinedRow;
import org.queryaudit.model.QueryEvent;

/** {@code quarantine.csv}: every row that could not be read, with file, line, reason and text. */
public final class Quarantine {
    public static final String FILE = "quarantine.csv";

    private Quarantine() {
    }

    /**
     * @param quarantined the event inputs' rows that could not be read ({@link QuarantinedRow#SCHEMA})
     * @param sharing     the sharing files' rows that are no share
     */
    public static long write(FileSystem fs, Path file, SparkSession spark, Dataset<Row> quarantined,
                             List<QuarantinedRow> sharing) throws IOException {
        Dataset<Row> rows = quarantined;
        if (!sharing.isEmpty()) {
            rows = rows.unionByName(spark.createDataFrame(sharing.stream().map(Quarantine::row).toList(), QuarantinedRow.SCHEMA));
        }
        return CsvTable.write(fs, file, rows.select(col(QueryEvent.SOURCE_FILE), col(QueryEvent.SOURCE_LINE), col(QuarantinedRow.REASON),
                col(QuarantinedRow.RAW_TEXT)).orderBy(col(QueryEvent.SOURCE_FILE), col(QueryEvent.SOURCE_LINE)));
    }

    private static Row row(QuarantinedRow q) {
        return RowFactory.create(q.sourceFile(), q.sourceLine(), q.sourceLines(), q.sourceSystem(), q.sourceFormat(), q.reason(), q.rawText());
    }
}
