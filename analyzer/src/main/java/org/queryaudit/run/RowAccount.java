package org.queryaudit.run;

import org.queryaudit.engine.EventDerivation;
import org.queryaudit.engine.PassCounts;
import org.queryaudit.ingest.RowKind;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.queryaudit.ingest.EventIngest;
import org.queryaudit.model.QueryEvent;
import org.queryaudit.report.EventSummary;
import org.queryaudit.report.RowCounts;

/**
 * Where every input row of the pass went, per file: read, accepted, duplicate, quarantined,
 * in the period; and which rows are dropped as duplicates. Made from what the pass counted as
 * it derived the rows ({@link PassCounts}: as small as the number of files times months) and,
 * for the duplicates, the staged rows' ids (compared only when their hashes repeat).
 *
 * @param drops the duplicate rows (see {@link EventIngest#duplicates}), or null when there are none
 * @param lines per file, the physical lines its stored rows account for (the sum of {@link QueryEvent#SOURCE_LINES})
 */
public record RowAccount(Map<String, RowCounts> perFile, List<String> acceptedMonths, List<String> eventMonths,
                         Dataset<Row> drops, Map<String, java.time.LocalDate[]> spans, Map<String, Long> lines) {

    /**
     * @param counts where the pass's rows went ({@link PassCounts})
     * @param rows   the staged rows of {@link EventDerivation#STAGED} but the flagged copies, for the duplicates
     */
    public static RowAccount of(PassCounts.Counts counts, Dataset<Row> rows) {
        Map<String, RowCounts> perFile = new LinkedHashMap<>();
        TreeSet<String> acceptedMonths = new TreeSet<>();
        TreeSet<String> eventMonths = new TreeSet<>();
        long acceptedRows = 0;
        Map<String, java.time.LocalDate[]> spans = new LinkedHashMap<>();
        Map<String, Long> lines = new LinkedHashMap<>();
        // In file, kind and month order, as Spark orders texts, so that the maps' order is the same every run.
        List<Map.Entry<PassCounts.Group, PassCounts.Tally>> groups = new ArrayList<>(counts.accepted().entrySet());
        Comparator<String> text = EventSummary.TEXT;
        groups.sort(Comparator.comparing((Map.Entry<PassCounts.Group, PassCounts.Tally> e) -> e.getKey().file(), text)
                .thenComparing(e -> e.getKey().kind(), text).thenComparing(e -> e.getKey().month(), text));
        for (Map.Entry<PassCounts.Group, PassCounts.Tally> e : groups) {
            String file = e.getKey().file();
            PassCounts.Tally t = e.getValue();
            long n = t.rows();
            lines.merge(file, t.lines(), Long::sum);
            if (t.first() != null) {
                // The first and last local dates of a file's accepted rows, in and out of the period.
                spans.merge(file, new java.time.LocalDate[] {t.first(), t.last()}, (a, b) -> new java.time.LocalDate[] {
                    a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
            }
            boolean inPeriod = RowKind.EVENT.equals(e.getKey().kind());
            acceptedRows += n;
            acceptedMonths.add(e.getKey().month());
            if (inPeriod) {
                eventMonths.add(e.getKey().month());
            }
            perFile.merge(file, new RowCounts(n, n, 0, 0, inPeriod ? n : 0), RowCounts::plus);
        }
        List<String> quarantinedFiles = new ArrayList<>(counts.quarantined().keySet());
        quarantinedFiles.sort(text);
        for (String file : quarantinedFiles) {
            PassCounts.Tally t = counts.quarantined().get(file);
            lines.merge(file, t.lines(), Long::sum);
            perFile.merge(file, new RowCounts(t.rows(), 0, 0, t.rows(), 0), RowCounts::plus);
        }
        // Every staged row was read: the quarantined ones are not among them.
        Dataset<Row> drops = EventIngest.duplicates(rows, acceptedRows);
        if (drops != null) {
            Dataset<Row> dropped = rows.join(drops, dropped(), "left_semi");
            for (Row r : dropped.groupBy(QueryEvent.SOURCE_FILE, RowKind.COLUMN).count().collectAsList()) {
                long d = r.getLong(2);
                long inPeriod = RowKind.EVENT.equals(r.getString(1)) ? d : 0;
                perFile.merge(r.getString(0), new RowCounts(0, -d, d, 0, -inPeriod), RowCounts::plus);
            }
        }
        return new RowAccount(perFile, new ArrayList<>(acceptedMonths), new ArrayList<>(eventMonths), drops, spans, lines);
    }

    /**
     * {@code rows} without the duplicates dropped (as they are when none repeats), matched by their
     * file and line: {@code file} given the dropped row's file column says whether a row's file is it.
     */
    public Dataset<Row> withoutDrops(Dataset<Row> rows, java.util.function.UnaryOperator<org.apache.spark.sql.Column> file,
                                     String fileColumn, String lineColumn) {
        if (drops == null) {
            return rows;
        }
        return rows.join(drops, col(fileColumn).equalTo(file.apply(col(EventIngest.DROP_FILE)))
                .and(col(lineColumn).equalTo(col(EventIngest.DROP_LINE))), "left_anti");
    }

    private static org.apache.spark.sql.Column dropped() {
        return col(QueryEvent.SOURCE_FILE).equalTo(col(EventIngest.DROP_FILE))
                .and(col(QueryEvent.SOURCE_LINE).equalTo(col(EventIngest.DROP_LINE)));
    }

    /**
     * Puts the run's events in {@code events}: the staged folder itself when nothing repeats (a
     * rename), else the staged events without the duplicates (one more write).
     */
    public void storeEvents(Dataset<Row> rows, Path stagedEvents, Path events, FileSystem fs) throws IOException {
        if (drops == null) {
            if (fs.exists(stagedEvents)) {
                if (!fs.rename(stagedEvents, events)) {
                    throw new IOException("cannot move " + stagedEvents + " to " + events);
                }
            } else {
                fs.mkdirs(events);
            }
            return;
        }
        Dataset<Row> kept = rows.filter(col(RowKind.COLUMN).equalTo(RowKind.EVENT));
        kept = kept.join(drops, dropped(), "left_anti");
        kept.drop(RowKind.COLUMN).write().partitionBy(QueryEvent.OWNER_STATE, QueryEvent.MONTH).parquet(events.toString());
    }
}
