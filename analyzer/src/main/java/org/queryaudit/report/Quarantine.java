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
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.queryaudit.ingest.RowKind;
import org.queryaudit.model.QueryEvent;
import org.queryaudit.ingest.SharingReader;

/** {@code quarantine.csv}: every row that could not be read, with file, line, reason and text. */
public final class Quarantine {
    public static final String FILE = "quarantine.csv";
    static final StructType SCHEMA = new StructType()
            .add("source_file", DataTypes.StringType).add("source_line", DataTypes.LongType)
            .add("reason", DataTypes.StringType).add("raw_text", DataTypes.StringType);

    private Quarantine() {
    }

    /** @param parsed the staged rows of the pass (quarantined rows carry their reason and text in {@code extra}) */
    public static long write(FileSystem fs, Path file, SparkSession spark, Dataset<Row> parsed,
                             List<SharingReader.Rejected> sharingRejected) throws IOException {
        Dataset<Row> rows = parsed.filter(col(RowKind.COLUMN).equalTo(RowKind.QUARANTINED))
                .select(col(QueryEvent.SOURCE_FILE), col(QueryEvent.SOURCE_LINE),
                        col(QueryEvent.EXTRA).getItem(RowKind.QUARANTINE_REASON).alias("reason"),
                        col(QueryEvent.EXTRA).getItem(RowKind.RAW_TEXT).alias("raw_text"));
        if (!sharingRejected.isEmpty()) {
            List<Row> extra = sharingRejected.stream()
                    .map(r -> RowFactory.create(r.sourceFile(), r.sourceLine(), r.reason(), r.rawText())).toList();
            rows = rows.unionByName(spark.createDataFrame(extra, SCHEMA));
        }
        return CsvTable.write(fs, file, rows.orderBy(col("source_file"), col("source_line")));
    }
}
