package org.queryaudit.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Writes Flock network and organisation audits in each header era of
 * shared/research/anchors.md 3.1, with the vendor's quirks: "Time Frame" as two lines in one
 * cell or "A UTC to B UTC", "Search Time" as "MM/DD/YYYY, hh:mm:ss AM UTC", "***" plates.
 */
final class FlockAudit {
    /** A header era: which columns, in which order. */
    enum Era {
        /** Los Altos Jan-Aug 2025: 13 columns, no ID. */
        JAN_2025(List.of("Name", "Org Name", "Total Networks Searched", "Total Devices Searched", "Time Frame",
                "License Plate", "Reason", "Case #", "Filters", "Search Time", "Search Type", "Text Prompt", "Moderation")),
        /** Sep 2025: without Moderation. */
        SEP_2025(List.of("Name", "Org Name", "Total Networks Searched", "Total Devices Searched", "Time Frame",
                "License Plate", "Reason", "Case #", "Filters", "Search Time", "Search Type", "Text Prompt")),
        /** Oct 2025 - Jan 2026: without Text Prompt and Moderation. */
        OCT_2025(List.of("Name", "Org Name", "Total Networks Searched", "Total Devices Searched", "Time Frame",
                "License Plate", "Reason", "Case #", "Filters", "Search Time", "Search Type")),
        /** Feb 2026 on: Total Devices Searched dropped. */
        FEB_2026(List.of("Name", "Org Name", "Total Networks Searched", "Time Frame", "License Plate", "Reason",
                "Case #", "Filters", "Search Time", "Search Type")),
        /** The 14-column superset with ID (sm-alpr build_truth.py; The Colony TX with devices). */
        SUPERSET(List.of("ID", "Name", "Org Name", "Total Networks Searched", "Total Devices Searched", "Time Frame",
                "License Plate", "Reason", "Case #", "Filters", "Search Time", "Search Type", "Text Prompt", "Moderation")),
        /** Olympia WA: Case # and Filters before Reason. */
        OLYMPIA(List.of("Name", "Org Name", "Total Networks Searched", "Total Devices Searched", "Time Frame",
                "License Plate", "Case #", "Filters", "Reason", "Search Time")),
        /** Okaloosa County FL organisation audit extracted from PDF: renamed, Time Frame split. */
        OKALOOSA_ORG(List.of("ID", "Org_Name", "Total_Networks_Searched", "Total_Devices_Searched", "Time_Frame_Start",
                "Time_Frame_End", "Reason", "Search_Time", "Search_Type", "Moderation"));

        final List<String> header;

        Era(List<String> header) {
            this.header = header;
        }
    }

    static final DateTimeFormatter SEARCH_TIME =
            DateTimeFormatter.ofPattern("MM/dd/yyyy, hh:mm:ss a 'UTC'", Locale.US).withZone(ZoneOffset.UTC);

    private FlockAudit() {
    }

    /**
     * @param rangeWithTo write Time Frame as "A UTC to B UTC" (Lodi) instead of two lines
     * @param sentinelShare share of rows whose device count is the "——" sentinel
     */
    static void write(Path file, Era era, List<GenRow> rows, boolean rangeWithTo, double sentinelShare, Random r,
                      Csv.Quirks quirks) throws IOException {
        try (Csv out = Csv.open(file)) {
            out.row(era.header);
            int n = 0;
            for (GenRow g : rows) {
                List<String> cells = cells(era, g, rangeWithTo, sentinelShare, r);
                out.row(cells);
                n++;
                quirks.after(n, out, era.header, cells);
            }
        }
    }

    static List<String> cells(Era era, GenRow g, boolean rangeWithTo, double sentinelShare, Random r) {
        String type = g.type() == null || g.type().isEmpty() ? Pools.pick(r, Pools.SEARCH_TYPES) : g.type();
        int nets = type.startsWith("lookup") ? 600 + r.nextInt(60) : 1 + r.nextInt(900);
        String devices = r.nextDouble() < sentinelShare ? "——" : String.valueOf(nets * (5 + r.nextInt(30)));
        Instant end = g.at().minusSeconds(r.nextInt(3600));
        if (g.planted()) {
            // A planted search is the same search in every owner's audit it appears in (issue 16): its
            // networks, devices and time frame come from the search itself. The file's stream is drawn
            // from as for any row, so the background rows stay what they were.
            Random own = new Random(java.util.Objects.hash(g.at(), g.requester(), g.reason()));
            nets = type.startsWith("lookup") ? 600 + own.nextInt(60) : 1 + own.nextInt(900);
            devices = String.valueOf(nets * (5 + own.nextInt(30)));
            end = g.at().minusSeconds(own.nextInt(3600));
        }
        Instant start = g.lookbackDays() > 0 ? end.minusSeconds(g.lookbackDays() * 86_400L)
                : end.minusSeconds(type.startsWith("lookup") ? 168 * 3600 : 6 * 3600);
        String frame = rangeWithTo ? SEARCH_TIME.format(start) + " to " + SEARCH_TIME.format(end)
                : SEARCH_TIME.format(start) + "\n" + SEARCH_TIME.format(end);
        String prompt = type.startsWith("freeform") ? "white pickup with ladder rack" : "";
        List<String> cells = new ArrayList<>();
        for (String h : era.header) {
            cells.add(switch (h) {
                case "ID" -> UUID.nameUUIDFromBytes((g.at() + g.requester() + g.reason()).getBytes()).toString();
                case "Name" -> g.user();
                case "Org Name", "Org_Name" -> g.requester();
                case "Total Networks Searched", "Total_Networks_Searched" -> String.valueOf(nets);
                case "Total Devices Searched", "Total_Devices_Searched" -> devices;
                case "Time Frame" -> frame;
                case "Time_Frame_Start" -> SEARCH_TIME.format(start);
                case "Time_Frame_End" -> SEARCH_TIME.format(end);
                case "License Plate" -> g.target();
                case "Reason" -> g.reason();
                case "Case #" -> g.caseNumber();
                case "Filters" -> type.startsWith("search") && r.nextBoolean() ? "Make: Toyota; Color: White" : "";
                case "Search Time", "Search_Time" -> SEARCH_TIME.format(g.at());
                case "Search Type", "Search_Type" -> type;
                case "Text Prompt" -> prompt;
                case "Moderation" -> prompt.isEmpty() ? "" : "allow";
                default -> throw new IllegalStateException("no value for " + h);
            });
        }
        return cells;
    }
}
