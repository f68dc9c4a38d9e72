package org.queryaudit.tag;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.queryaudit.reference.UsStates;

/**
 * Precision and recall of the shipped patterns over the labelled set
 * (src/test/resources/tagging/reason-eval.csv, written by make-reason-eval.py: real Eugene
 * reasons, reasons quoted in anchors.md, and hard cases for every trap).
 */
class ReasonEvaluationTest {
    static final List<String> CATEGORIES = List.of("immigration", "federal_assist", "out_of_state_assist", "vague_reason",
            "missing_reason");

    @Test
    void precisionAndRecallPerCategory() throws IOException {
        ReasonTagger tagger = new ReasonTagger(TagRules.shipped(), UsStates.shipped());
        Map<String, int[]> counts = new LinkedHashMap<>(); // tp, fp, fn
        CATEGORIES.forEach(c -> counts.put(c, new int[3]));
        List<String> misses = new ArrayList<>();
        int n = 0;
        try (Reader r = new InputStreamReader(getClass().getResourceAsStream("/tagging/reason-eval.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                n++;
                Set<String> expected = new TreeSet<>(Arrays.asList(rec.get("expected").split(";")));
                expected.remove("");
                Set<String> got = new TreeSet<>(tagger.tag(rec.get("reason"), null, null, rec.get("owner_state"), List.of()).tags());
                for (String c : CATEGORIES) {
                    int[] k = counts.get(c);
                    if (expected.contains(c) && got.contains(c)) {
                        k[0]++;
                    } else if (got.contains(c)) {
                        k[1]++;
                    } else if (expected.contains(c)) {
                        k[2]++;
                    }
                }
                if (!expected.equals(got)) {
                    misses.add("  '" + rec.get("reason") + "' (" + rec.get("source") + ", owner " + rec.get("owner_state")
                            + "): expected " + expected + ", got " + got);
                }
            }
        }
        System.out.println("Reason tagging over " + n + " labelled reasons:");
        System.out.printf("  %-20s %5s %5s %5s %9s %7s%n", "category", "tp", "fp", "fn", "precision", "recall");
        Map<String, double[]> pr = new LinkedHashMap<>();
        counts.forEach((c, k) -> {
            double p = k[0] + k[1] == 0 ? 1 : (double) k[0] / (k[0] + k[1]);
            double rc = k[0] + k[2] == 0 ? 1 : (double) k[0] / (k[0] + k[2]);
            pr.put(c, new double[] {p, rc});
            System.out.printf("  %-20s %5d %5d %5d %9.3f %7.3f%n", c, k[0], k[1], k[2], p, rc);
        });
        System.out.println("Disagreements (" + misses.size() + "):");
        misses.forEach(System.out::println);
        assertTrue(n >= 600, "the set has at least 600 reasons");
        for (String c : List.of("immigration", "federal_assist")) {
            assertTrue(pr.get(c)[0] >= 0.98, c + " precision " + pr.get(c)[0]);
            assertTrue(pr.get(c)[1] >= 0.95, c + " recall " + pr.get(c)[1]);
        }
    }
}
