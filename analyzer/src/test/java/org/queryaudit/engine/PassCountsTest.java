package org.queryaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;
import org.junit.jupiter.api.Test;
import org.queryaudit.ingest.RowKind;
import org.queryaudit.model.QuarantinedRow;
import org.queryaudit.model.QueryEvent;

/**
 * The pass's count of where its rows went (issue 24): two tasks' copies, fed interleaved
 * groups, merged as Spark merges them, give per file, kind and month what a grouping of the
 * same rows gives, and per file the quarantined rows and their lines.
 */
class PassCountsTest {
    private static Object[] row(String file, String kind, String month, LocalDate date, Integer lines) {
        Object[] v = new Object[EventDerivation.SCHEMA.size()];
        v[EventDerivation.SCHEMA.fieldIndex(QueryEvent.SOURCE_FILE)] = file;
        v[EventDerivation.SCHEMA.fieldIndex(RowKind.COLUMN)] = kind;
        v[EventDerivation.SCHEMA.fieldIndex(QueryEvent.MONTH)] = month;
        v[EventDerivation.SCHEMA.fieldIndex(QueryEvent.LOCAL_DATE)] = date;
        v[EventDerivation.SCHEMA.fieldIndex(QueryEvent.SOURCE_LINES)] = lines;
        return v;
    }

    @Test
    void twoTasksMergedCountWhatAGroupingCounts() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String file = "f" + (i % 3);
            String kind = i % 7 == 0 ? RowKind.OUTSIDE : RowKind.EVENT;
            String month = i % 5 == 0 ? "2025-10" : "2025-09";
            // Every 11th row has no local date; every 13th spans three lines; one file's lines are unknown.
            LocalDate date = i % 11 == 0 ? null : LocalDate.of(2025, month.equals("2025-10") ? 10 : 9, 1 + i % 28);
            rows.add(row(file, kind, month, date, file.equals("f2") && i % 2 == 0 ? null : i % 13 == 0 ? 3 : 1));
        }
        PassCounts driver = new PassCounts();
        List<AccumulatorV2<Object[], PassCounts.Counts>> tasks = List.of(driver.copyAndReset(), driver.copyAndReset());
        for (int i = 0; i < rows.size(); i++) {
            // Runs of rows of one group and changes of group between them, split over two tasks.
            tasks.get((i / 40) % 2).add(rows.get(i));
        }
        PassCounts q = (PassCounts) tasks.get(0);
        q.add(new QuarantinedRow("f1", 9, 2, "flock", "flock-network-audit", "bad", "raw"));
        q.add(new QuarantinedRow("f1", 12, 1, "flock", "flock-network-audit", "bad", "raw"));
        ((PassCounts) tasks.get(1)).add(new QuarantinedRow("f4", 3, 4, "flock", "flock-network-audit", "bad", "raw"));
        tasks.forEach(driver::merge);

        Map<String, long[]> expected = new TreeMap<>();
        for (Object[] v : rows) {
            String key = v[EventDerivation.SCHEMA.fieldIndex(QueryEvent.SOURCE_FILE)] + "|" + v[EventDerivation.SCHEMA.fieldIndex(RowKind.COLUMN)]
                    + "|" + v[EventDerivation.SCHEMA.fieldIndex(QueryEvent.MONTH)];
            long[] e = expected.computeIfAbsent(key, k -> new long[] {0, 0, Long.MAX_VALUE, Long.MIN_VALUE});
            e[0]++;
            Integer lines = (Integer) v[EventDerivation.SCHEMA.fieldIndex(QueryEvent.SOURCE_LINES)];
            e[1] += lines == null ? 0 : lines;
            LocalDate d = (LocalDate) v[EventDerivation.SCHEMA.fieldIndex(QueryEvent.LOCAL_DATE)];
            if (d != null) {
                e[2] = Math.min(e[2], d.toEpochDay());
                e[3] = Math.max(e[3], d.toEpochDay());
            }
        }
        Map<String, long[]> actual = new TreeMap<>();
        driver.value().accepted().forEach((g, t) -> actual.put(g.file() + "|" + g.kind() + "|" + g.month(),
                new long[] {t.rows(), t.lines(), t.first().toEpochDay(), t.last().toEpochDay()}));
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, e) -> assertEquals(List.of(e[0], e[1], e[2], e[3]), List.of(actual.get(k)[0], actual.get(k)[1],
                actual.get(k)[2], actual.get(k)[3]), k));
        assertEquals(500, driver.value().accepted().values().stream().mapToLong(PassCounts.Tally::rows).sum());

        assertEquals(2, driver.value().quarantined().get("f1").rows());
        assertEquals(3, driver.value().quarantined().get("f1").lines());
        assertEquals(1, driver.value().quarantined().get("f4").rows());
        assertEquals(4, driver.value().quarantined().get("f4").lines());
        assertNull(driver.value().quarantined().get("f1").first());
        // A copy is deep: counting into it leaves the original as it was.
        AccumulatorV2<Object[], PassCounts.Counts> copy = driver.copy();
        copy.add(rows.get(1));
        assertEquals(500, driver.value().accepted().values().stream().mapToLong(PassCounts.Tally::rows).sum());
        assertEquals(501, copy.value().accepted().values().stream().mapToLong(PassCounts.Tally::rows).sum());
    }
}
