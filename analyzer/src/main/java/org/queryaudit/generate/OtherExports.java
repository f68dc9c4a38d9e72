package org.queryaudit.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Writers for the non-audit layouts: the Flock portal download, queryaudit's Nlets message
 * log and DMV portal log layouts, and a Flock SharedNetworks export.
 */
final class OtherExports {
    private OtherExports() {
    }

    /** 2026 portal download: every cell quoted, ISO instants with a Z. */
    static void portal(Path file, List<GenRow> rows, Random r) throws IOException {
        try (Csv out = Csv.open(file, true)) {
            out.row(List.of("id", "userId", "searchDate", "networkCount", "caseNumber", "reason"));
            for (GenRow g : rows) {
                out.row(List.of(UUID.nameUUIDFromBytes((g.at() + g.reason()).getBytes()).toString(),
                        r.nextInt(4) == 0 ? "***" : UUID.nameUUIDFromBytes(g.user().getBytes()).toString(),
                        DateTimeFormatter.ISO_INSTANT.format(g.at()), String.valueOf(1 + r.nextInt(700)),
                        g.caseNumber(), g.reason()));
            }
        }
    }

    /** timestamp,message_key,originating_ori,destination,user_id,control_field,purpose_code,reason,query,response_status */
    static void nlets(Path file, List<GenRow> rows, String destination, Random r, Csv.Quirks quirks) throws IOException {
        List<String> header = List.of("timestamp", "message_key", "originating_ori", "destination", "user_id",
                "control_field", "purpose_code", "reason", "query", "response_status");
        try (Csv out = Csv.open(file)) {
            out.row(header);
            int n = 0;
            for (GenRow g : rows) {
                List<String> cells = nletsCells(g, destination, r);
                out.row(cells);
                quirks.after(++n, out, header, cells);
            }
        }
    }

    private static final DateTimeFormatter NLETS_TIME =
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.of("America/Los_Angeles"));

    /** One message-log row. */
    static List<String> nletsCells(GenRow g, String destination, Random r) {
        String key = g.type();
        String to = g.destination() == null ? destination : g.destination();
        String query = switch (key) {
            case "DQ", "DR" -> "OLN/WDL" + g.target() + ".";
            case "DNQ", "IQ", "FQ" -> "NAM/DOE,JOHN.DOB/19800101.SEX/M";
            case "IAQ" -> "NAM/DOE,JOHN.DOB/19800101.POB/MX";
            default -> "LIC/" + g.target() + ".LIS/" + destination;
        };
        return List.of(NLETS_TIME.format(g.at()), key, g.ori(), to, "U" + (1000 + r.nextInt(9000)),
                "C" + (100000 + r.nextInt(900000)), "C", g.reason(), query, r.nextInt(5) == 0 ? "NO RECORD" : "HIT");
    }

    /** access_time,account_id,agency_name,agency_ori,record_type,search_criteria,purpose,case_number,legal_process,result_count */
    static void dmv(Path file, List<GenRow> rows, Random r) throws IOException {
        DateTimeFormatter ts = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.of("America/New_York"));
        try (Csv out = Csv.open(file)) {
            out.row(List.of("access_time", "account_id", "agency_name", "agency_ori", "record_type", "search_criteria",
                    "purpose", "case_number", "legal_process", "result_count"));
            for (GenRow g : rows) {
                out.row(List.of(ts.format(g.at()), "acct-" + (10000 + r.nextInt(90000)), g.requester(), g.ori(),
                        g.type(), g.target(), g.reason(), g.caseNumber(), g.legalProcess() == null ? "" : g.legalProcess(),
                        String.valueOf(r.nextInt(3))));
            }
        }
    }

    /** Organization Name,Networks Shared With Me,Networks I'm Sharing */
    static void sharing(Path file, List<List<String>> rows) throws IOException {
        try (Csv out = Csv.open(file)) {
            out.row(List.of("Organization Name", "Networks Shared With Me", "Networks I'm Sharing"));
            for (List<String> row : rows) {
                out.row(row);
            }
        }
    }

    static List<GenRow> background(Random r, int n, Instant from, Instant to, List<String> agencies,
                                   List<String> oris, List<String> types, List<String> reasons) {
        List<GenRow> rows = new ArrayList<>();
        long span = to.getEpochSecond() - from.getEpochSecond();
        for (int i = 0; i < n; i++) {
            Instant at = from.plusSeconds((long) (r.nextDouble() * span));
            int a = r.nextInt(agencies.size());
            rows.add(new GenRow(at, agencies.get(a), oris == null ? null : oris.get(a), Pools.user(r), Pools.pick(r, reasons),
                    Pools.caseNumber(r, at.atZone(java.time.ZoneOffset.UTC).getYear()),
                    types == null ? null : Pools.pick(r, types), null, Pools.plate(r), false, 0, null));
        }
        return rows;
    }
}
