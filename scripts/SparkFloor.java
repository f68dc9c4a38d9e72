// The floor under scripts/bench: what Spark alone needs for the same files, with nothing of
// queryaudit in the way. Reads a folder of CSV exports with Spark's own CSV reader (RFC 4180
// quotes; multiLine where cells hold line breaks, which makes each file one task) and
//   read:  parses every row and drops it (the "noop" data source),
//   write: writes the raw columns, as text, to Parquet (the least DESIGN.md's events/ needs).
// Run by `scripts/bench --floor`; prints one line per step.
//   java -cp <spark classpath> scripts/SparkFloor.java DIR multiline|single OUT
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

public class SparkFloor {
    public static void main(String[] args) {
        String in = args[0];
        boolean multiLine = args[1].equals("multiline");
        String out = args[2];
        SparkSession spark = SparkSession.builder().master("local[*]").config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        Dataset<Row> rows = spark.read().option("header", "true").option("escape", "\"")
                .option("multiLine", String.valueOf(multiLine)).csv(in);
        long t0 = System.nanoTime();
        rows.write().mode("overwrite").format("noop").save();
        double read = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        rows.write().mode("overwrite").parquet(out);
        double write = (System.nanoTime() - t0) / 1e9;
        System.out.printf("spark floor: %s (%s): read %.1f s; read and write the raw columns as Parquet %.1f s%n",
                in, multiLine ? "multiLine, one task per file" : "split", read, write);
        spark.stop();
    }
}
