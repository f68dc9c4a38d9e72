package org.queryaudit.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.queryaudit.reference.RedactionMarkers;
import org.queryaudit.reference.UsStates;
import org.queryaudit.tag.ReasonTagger;
import org.queryaudit.tag.TagRules;

/**
 * Why they asked, measured on real reasons: Irvine CA PD's audit, which no pattern was written
 * from, split into dev and held parts, and Eugene OR PD's, all dev (the vague patterns were
 * written from it) ({@code evaluation/reasons.csv}, labelled by hand as
 * {@code scripts/evaluation/build-reasons.py} says). Prints precision and recall per category
 * for both parts and asserts floors on the held part. A category with no labelled case in a
 * part prints n/a.
 */
class ReasonsEvaluationTest {
    static final List<String> CATEGORIES = List.of("immigration", "federal_assist", "out_of_state_assist", "vague_reason",
            "missing_reason");
    static final Map<String, Map<String, int[]>> COUNTS = new LinkedHashMap<>(); // part -> category -> tp, fp, fn
    static int rows;
    /** Issue 27: per part, how many reasons read to each purpose, and the immigration purposes read where no immigration tag is labelled. */
    static final Map<String, Map<String, Integer>> PURPOSES = new LinkedHashMap<>();
    static final List<String> FALSE_PURPOSE = new ArrayList<>();

    @BeforeAll
    static void measure() throws IOException {
        ReasonTagger tagger = new ReasonTagger(TagRules.shipped(), UsStates.shipped());
        RedactionMarkers markers = RedactionMarkers.shipped();
        List<String> wrong = new ArrayList<>();
        for (String part : List.of("dev", "held")) {
            Map<String, int[]> m = new LinkedHashMap<>();
            CATEGORIES.forEach(c -> m.put(c, new int[3]));
            COUNTS.put(part, m);
        }
        try (Reader r = new InputStreamReader(ReasonsEvaluationTest.class.getResourceAsStream("/evaluation/reasons.csv"),
                StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                rows++;
                // As the ingest hands them over: an empty cell is no value, a marker is listed as redacted.
                String reason = rec.get("reason").isBlank() ? null : rec.get("reason");
                List<String> redacted = reason != null && markers.isRedacted(reason.strip()) ? List.of("reason") : List.of();
                org.queryaudit.tag.Tagging tagging = tagger.tag(reason, null, null, rec.get("owner_state"), redacted);
                List<String> tags = tagging.tags();
                String purpose = tagging.reading().purpose();
                PURPOSES.computeIfAbsent(rec.get("split"), k -> new java.util.TreeMap<>()).merge(purpose, 1, Integer::sum);
                if (tagging.reading().immigration() && !rec.get("immigration").equals("1")) {
                    FALSE_PURPOSE.add(rec.get("split") + " | " + purpose + " | " + reason);
                }
                Map<String, int[]> m = COUNTS.get(rec.get("split"));
                for (String c : CATEGORIES) {
                    boolean expected = rec.get(c).equals("1");
                    boolean got = tags.contains(c);
                    int[] n = m.get(c);
                    if (expected && got) {
                        n[0]++;
                    } else if (got) {
                        n[1]++;
                        wrong.add(rec.get("split") + " | false " + c + " | " + reason);
                    } else if (expected) {
                        n[2]++;
                        wrong.add(rec.get("split") + " | missed " + c + " | " + reason);
                    }
                }
            }
        }
        System.out.println("Why they asked, real reasons (reasons.csv, " + rows + " distinct):");
        for (String part : COUNTS.keySet()) {
            for (String c : CATEGORIES) {
                int[] n = COUNTS.get(part).get(c);
                System.out.printf("%-5s %-20s tp %4d fp %3d fn %3d  precision %s  recall %s%n", part, c, n[0], n[1], n[2],
                        ratio(n[0], n[0] + n[1]), ratio(n[0], n[0] + n[2]));
            }
        }
        PURPOSES.forEach((part, n) -> System.out.println(part + "  purposes read: " + n));
        FALSE_PURPOSE.forEach(w -> System.out.println("  immigration purpose where none is labelled: " + w));
        wrong.stream().filter(w -> w.contains("false immigration") || w.contains("federal") || w.contains("out_of_state")
                || w.startsWith("dev")).forEach(w -> System.out.println("  " + w));
    }

    static String ratio(int a, int b) {
        return b == 0 ? "n/a" : String.format("%.3f", (double) a / b);
    }

    static double value(String part, String c, boolean precision) {
        int[] n = COUNTS.get(part).get(c);
        int d = precision ? n[0] + n[1] : n[0] + n[2];
        return d == 0 ? 1.0 : (double) n[0] / d;
    }

    @Test
    void atLeastAThousandRealReasons() {
        assertTrue(rows >= 1000, "rows " + rows);
    }

    /** An immigration purpose read into a reason labelled as none is a false finding under every purpose-based law. */
    @Test
    void noImmigrationPurposeWhereNoneIsLabelled() {
        assertEquals(List.of(), FALSE_PURPOSE);
    }

    /** A false immigration, federal or out-of-state tag accuses an in-state requester through the side door. */
    @Test
    void noFalseAccusingTagOnTheHeldPart() {
        for (String c : List.of("immigration", "federal_assist", "out_of_state_assist")) {
            assertTrue(value("held", c, true) >= 0.99, c + " precision " + value("held", c, true));
        }
    }

    @Test
    void recallFloorsOnTheHeldPart() {
        // Floors at the measured figures (README): a change that loses cases fails here.
        assertTrue(value("held", "federal_assist", false) >= 0.75, "federal_assist recall " + value("held", "federal_assist", false));
        // Out-of-state recall has no floor: the held part's two cases name a place without a police word
        // ("Renton Wa 24-2207", "Texas Fusion Center BOLO") and are both missed (README).
        assertTrue(value("held", "vague_reason", true) >= 0.95, "vague precision " + value("held", "vague_reason", true));
        assertTrue(value("held", "vague_reason", false) >= 0.80, "vague recall " + value("held", "vague_reason", false));
    }
}
