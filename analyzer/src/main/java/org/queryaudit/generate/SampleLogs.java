package org.queryaudit.generate;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes {@code sample-logs/}: one small, realistic export of every supported format, with
 * the rows of {@code planted.csv} (known findings and tagging traps) among seeded background
 * rows of in-state agencies and ordinary reasons, plus the faults real exports have. The
 * same seed writes the same bytes.
 */
public final class SampleLogs {
    public static final long DEFAULT_SEED = 20251119L;
    static final String LAKEWOOD = "flock/REDACTED - 1_1_2025-1_31_2025-Lakewood WA PD-Network-Audit.csv";
    static final String LOS_ALTOS = "flock/9_1_2025-9_30_2025-Los Altos CA PD-Network-Audit.csv";
    static final String MT_PROSPECT = "flock/2_1_2026-2_28_2026-Mount Prospect IL PD-Network-Audit.csv";
    static final String OLYMPIA = "flock/10_1_2025-10_31_2025-Olympia WA PD-Network-Audit.csv";
    static final String COLONY = "flock/11_1_2025-11_30_2025-The Colony TX PD-Network-Audit.csv";
    static final String EXAMPLE_FL = "flock/11_1_2025-12_8_2025-Example_County_FL_SO-Audit.csv";
    static final String SAN_MATEO = "portal/san-mateo-ca-pd-search-audit-2026-03.csv";
    /** Three owners' audits of one month, one search in all three (issue 16). */
    static final String MOUNTAIN_VIEW = "flock/9_1_2025-9_30_2025-Mountain View CA PD-Network-Audit.csv";
    static final String PALO_ALTO = "flock/9_1_2025-9_30_2025-Palo Alto CA PD-Network-Audit.csv";
    static final String SUNNYVALE = "flock/9_1_2025-9_30_2025-Sunnyvale CA DPS-Network-Audit.csv";
    /** One owner's month released twice, with names and redacted (issue 16). */
    static final String TACOMA = "flock/3_1_2025-3_31_2025-Tacoma WA PD-Network-Audit.csv";
    static final String TACOMA_REDACTED = "flock/REDACTED - 3_1_2025-3_31_2025-Tacoma WA PD-Network-Audit.csv";
    static final String WA_NLETS = "nlets/wa-access-nlets-2025-11.csv";
    /** HSI named for other offences, and with no purpose, on purpose-based states' data (issue 27). */
    static final String NAPERVILLE = "flock/2_1_2026-2_28_2026-Naperville IL PD-Network-Audit.csv";
    static final String WA_NLETS_OCT = "nlets/wa-access-nlets-2025-10.csv";
    /** A Californian month released twice, with out-of-state searches in it (issue 25). */
    static final String LOS_GATOS = "flock/10_1_2025-10_31_2025-Los Gatos CA PD-Network-Audit.csv";
    static final String LOS_GATOS_REDACTED = "flock/REDACTED - 10_1_2025-10_31_2025-Los Gatos CA PD-Network-Audit.csv";
    static final String NY_DMV = "dmv/ny-dmv-portal-2025-10.csv";
    static final String LAKEWOOD_SHARING = "sharing/SharedNetworks_2025_August_14-Lakewood.csv";
    static final String LOS_ALTOS_SHARING = "sharing/SharedNetworks_2025_September_30-Los_Altos.csv";

    private SampleLogs() {
    }

    public static void write(Path dir, long seed) throws IOException {
        List<Planted> planted = planted();
        Random r = new Random(seed);

        List<GenRow> lakewood = merge(OtherExports.background(r, 160, start("2025-01", "America/Los_Angeles"),
                end("2025-01", "America/Los_Angeles"), List.of("Lakewood WA PD", "Lakewood WA PD", "Lakewood WA PD",
                        "Tacoma WA PD", "Pierce County WA SO", "Puyallup WA PD", "Washington State Patrol", "Auburn WA PD"),
                null, null, Pools.REASONS), planted, "lakewood", r);
        lakewood = redactOthers(lakewood, "Lakewood WA PD", r);
        FlockAudit.write(dir.resolve(LAKEWOOD), FlockAudit.Era.JAN_2025, lakewood, false, 0, r,
                (n, out, header, cells) -> {
                    if (n == 40) {
                        out.row(cells); // the vendor's byte-identical duplicate row
                    }
                });

        List<GenRow> losAltos = merge(OtherExports.background(r, 220, start("2025-09", "America/Los_Angeles"),
                end("2025-09", "America/Los_Angeles"), List.of("Los Altos CA PD", "Los Altos CA PD", "Mountain View CA PD",
                        "Palo Alto CA PD", "Sunnyvale CA DPS", "San Jose CA PD", "Santa Clara County CA SO", "Redwood City CA PD"),
                null, null, Pools.REASONS), planted, "losaltos", r);
        FlockAudit.write(dir.resolve(LOS_ALTOS), FlockAudit.Era.SEP_2025, redactOthers(losAltos, "Los Altos CA PD", r),
                false, 0, r, Csv.Quirks.NONE);

        List<GenRow> mtProspect = merge(OtherExports.background(r, 120, start("2026-02", "America/Chicago"),
                end("2026-02", "America/Chicago"), List.of("Mount Prospect IL PD", "Mount Prospect IL PD", "Arlington Heights IL PD",
                        "Des Plaines IL PD", "Schaumburg IL PD", "Cook County IL SO", "Illinois State Police"),
                null, null, Pools.DROPDOWN), planted, "mtprospect", r);
        FlockAudit.write(dir.resolve(MT_PROSPECT), FlockAudit.Era.FEB_2026, mtProspect, true, 0, r, Csv.Quirks.NONE);

        List<GenRow> olympia = merge(OtherExports.background(r, 100, start("2025-10", "America/Los_Angeles"),
                end("2025-10", "America/Los_Angeles"), List.of("Olympia WA PD", "Olympia WA PD", "Thurston County WA SO",
                        "Lacey WA PD", "Tumwater WA PD"), null, null, Pools.REASONS), planted, "olympia", r);
        FlockAudit.write(dir.resolve(OLYMPIA), FlockAudit.Era.OLYMPIA, olympia, false, 0, r, (n, out, header, cells) -> {
            if (n == 30) {
                out.row(header); // two exports stacked, each with its header
            }
            if (n == 60) {
                // A cell whose closing quote was lost when the file was hand-edited.
                out.raw("J. Smith,Olympia WA PD,612,9180,\"10/20/2025, 01:00:00 AM UTC,7ABC123,25-009999,,burglary,10/21/2025, 01:02:03 AM UTC");
            }
        });

        List<GenRow> colony = merge(OtherExports.background(r, 150, start("2025-11", "America/Chicago"),
                end("2025-11", "America/Chicago"), List.of("The Colony TX PD", "The Colony TX PD", "Frisco TX PD",
                        "Denton County TX SO", "Lewisville TX PD", "Plano TX PD"), null, null, Pools.REASONS), planted, "colony", r);
        FlockAudit.write(dir.resolve(COLONY), FlockAudit.Era.SUPERSET, colony, false, 0.07, r, (n, out, header, cells) -> {
            if (n == 75) {
                List<String> bad = new ArrayList<>(cells);
                bad.set(header.indexOf("ID"), "00000000-0000-0000-0000-000000009999");
                bad.set(header.indexOf("Search Time"), "9/9/9999, 12:00:00 AM UTC");
                out.row(bad); // an impossible date, as seen in real exports
            }
        });

        List<GenRow> exampleFl = merge(OtherExports.background(r, 120, Instant.parse("2025-11-01T04:00:00Z"),
                Instant.parse("2025-12-09T04:59:59Z"), List.of("Example County FL SO"), null, null, Pools.REASONS),
                planted, "examplefl", r).stream().map(g -> withRequester(g, "Example County FL SO")).toList();
        FlockAudit.write(dir.resolve(EXAMPLE_FL), FlockAudit.Era.OKALOOSA_ORG, exampleFl, false, 0, r, Csv.Quirks.NONE);

        List<GenRow> sanMateo = merge(OtherExports.background(r, 80, start("2026-03", "America/Los_Angeles"),
                end("2026-03", "America/Los_Angeles"), List.of("San Mateo CA PD"), null, null, Pools.REASONS), planted,
                "sanmateo", r);
        OtherExports.portal(dir.resolve(SAN_MATEO), sanMateo, r);

        List<String> waOris = List.of("WA0270000", "WA0270400", "WA0170000", "WA0171300", "WAWSP0000", "WA0340000");
        List<GenRow> waNlets = merge(OtherExports.background(r, 200, start("2025-11", "America/Los_Angeles"),
                end("2025-11", "America/Los_Angeles"), waOris, waOris, List.of("DQ", "DQ", "RQ", "RQ", "RQ", "DNQ", "RNQ"),
                List.of("", "", "", "TRAFFIC", "INVESTIGATION", "WARRANT CHECK")), planted, "wanlets", r);
        OtherExports.nlets(dir.resolve(WA_NLETS), waNlets, "WA", r, (n, out, header, cells) -> {
            if (n == 50) {
                List<String> bad = new ArrayList<>(cells);
                bad.set(3, "ZZ"); // a destination that is no member
                out.row(bad);
            }
            if (n == 120) {
                List<String> nl = new ArrayList<>(cells);
                nl.set(3, "NL"); // a multi-state broadcast
                nl.set(1, "RQ");
                out.row(nl);
            }
        });

        List<String> nyAgencies = List.of("New York City PD", "Nassau County PD", "New York State Police", "Suffolk County PD");
        List<String> nyOris = List.of("NY0303000", "NY0290000", "NYNSP0000", "NY0510000");
        List<GenRow> nyDmv = merge(OtherExports.background(r, 120, start("2025-10", "America/New_York"),
                end("2025-10", "America/New_York"), nyAgencies, nyOris, List.of("DL", "VEH"),
                List.of("traffic stop", "investigation", "accident report", "warrant check", "registration check")),
                planted, "nydmv", r);
        OtherExports.dmv(dir.resolve(NY_DMV), nyDmv, r);

        OtherExports.sharing(dir.resolve(LAKEWOOD_SHARING), List.of(
                List.of("Tacoma WA PD", "Tacoma WA PD", "Lakewood WA PD"),
                List.of("Pierce County WA SO", "Pierce County WA SO", "Lakewood WA PD"),
                List.of("U.S. Border Patrol", "", "Lakewood WA PD"),
                List.of("Puyallup WA PD", "Puyallup WA PD", "Lakewood WA PD")));
        OtherExports.sharing(dir.resolve(LOS_ALTOS_SHARING), List.of(
                List.of("Mountain View CA PD", "Mountain View CA PD,Mountain View CA PD (Flex)", "Los Altos CA PD"),
                List.of("Palo Alto CA PD", "Palo Alto CA PD", "Los Altos CA PD"),
                List.of("Federal Way WA PD", "", "Los Altos CA PD"),
                List.of("(Federal) US Postal Inspection Service", "", "Los Altos CA PD")));

        // Issue 16, drawn after every file above so that those stay as they were. One search by Border
        // Patrol reaches three owners' networks; each owner's audit lists it, with its own background.
        for (String[] f : new String[][] {{MOUNTAIN_VIEW, "Mountain View CA PD", "mountainview"},
            {PALO_ALTO, "Palo Alto CA PD", "paloalto"}, {SUNNYVALE, "Sunnyvale CA DPS", "sunnyvale"}}) {
            List<GenRow> rows = merge(OtherExports.background(r, 24, start("2025-09", "America/Los_Angeles"),
                    end("2025-09", "America/Los_Angeles"), List.of(f[1], f[1], "Los Altos CA PD", "San Jose CA PD",
                            "Santa Clara County CA SO"), null, null, Pools.REASONS), planted, f[2], r);
            FlockAudit.write(dir.resolve(f[0]), FlockAudit.Era.SEP_2025, redactOthers(rows, f[1], r), false, 0, r, Csv.Quirks.NONE);
        }
        // Tacoma's March released twice: as first produced, with its users' names and the plates, and
        // again redacted. The same searches, cell for cell, except the redacted cells.
        List<GenRow> tacoma = merge(OtherExports.background(r, 60, start("2025-03", "America/Los_Angeles"),
                end("2025-03", "America/Los_Angeles"), List.of("Tacoma WA PD", "Tacoma WA PD", "Lakewood WA PD",
                        "Pierce County WA SO", "Fife WA PD"), null, null, Pools.REASONS), planted, "tacoma", r);
        List<List<String>> named = new ArrayList<>();
        for (GenRow g : tacoma) {
            named.add(FlockAudit.cells(FlockAudit.Era.OCT_2025, g, false, 0, r));
        }
        releasedTwice(dir.resolve(TACOMA), dir.resolve(TACOMA_REDACTED), named);

        // Issue 27, drawn after every file above so that those stay as they were: an Illinois city's
        // network searched from Ohio, and Washington agencies' ACCESS queries, with reasons naming HSI.
        List<GenRow> naperville = merge(OtherExports.background(r, 30, start("2026-02", "America/Chicago"),
                end("2026-02", "America/Chicago"), List.of("Naperville IL PD", "Naperville IL PD", "Aurora IL PD",
                        "DuPage County IL SO"), null, null, Pools.DROPDOWN), planted, "naperville", r);
        FlockAudit.write(dir.resolve(NAPERVILLE), FlockAudit.Era.FEB_2026, naperville, true, 0, r, Csv.Quirks.NONE);
        List<GenRow> waOct = merge(OtherExports.background(r, 30, start("2025-10", "America/Los_Angeles"),
                end("2025-10", "America/Los_Angeles"), waOris, waOris, List.of("DQ", "RQ", "RQ"),
                List.of("", "TRAFFIC", "WARRANT CHECK")), planted, "wanletsoct", r);
        OtherExports.nlets(dir.resolve(WA_NLETS_OCT), waOct, "WA", r, Csv.Quirks.NONE);

        // Issue 25, drawn after every file above: a Californian month released twice with out-of-state
        // searches in it, so that its violations are counted once per search, not once per copy.
        List<GenRow> losGatos = merge(OtherExports.background(r, 40, start("2025-10", "America/Los_Angeles"),
                end("2025-10", "America/Los_Angeles"), List.of("Los Gatos CA PD", "Los Gatos CA PD", "Campbell CA PD",
                        "Santa Clara County CA SO", "Saratoga CA PD"), null, null, Pools.REASONS), planted, "losgatos", r);
        List<List<String>> losGatosNamed = new ArrayList<>();
        for (GenRow g : losGatos) {
            losGatosNamed.add(FlockAudit.cells(FlockAudit.Era.OCT_2025, g, false, 0, r));
        }
        releasedTwice(dir.resolve(LOS_GATOS), dir.resolve(LOS_GATOS_REDACTED), losGatosNamed);

        Files.writeString(dir.resolve("inputs.csv"), String.join("\n",
                "path,format,owner,owner_state",
                "# Flock audits name their owner in the file name; the rest need owner and state here.",
                "\"" + LAKEWOOD + "\",,,",
                LOS_ALTOS + ",,,",
                MT_PROSPECT + ",,,",
                OLYMPIA + ",,,",
                COLONY + ",,,",
                EXAMPLE_FL + ",,,",
                SAN_MATEO + ",,San Mateo CA PD,CA",
                MOUNTAIN_VIEW + ",,,",
                PALO_ALTO + ",,,",
                SUNNYVALE + ",,,",
                TACOMA + ",,,",
                "\"" + TACOMA_REDACTED + "\",,,",
                WA_NLETS + ",,,",
                NY_DMV + ",,,NY",
                NAPERVILLE + ",,,",
                WA_NLETS_OCT + ",,,",
                LOS_GATOS + ",,,",
                "\"" + LOS_GATOS_REDACTED + "\",,,",
                LAKEWOOD_SHARING + ",flock-shared-networks,Lakewood WA PD,WA",
                LOS_ALTOS_SHARING + ",flock-shared-networks,Los Altos CA PD,CA") + "\n");
    }

    /**
     * One owner's month released twice: as first produced, with its users' names and the plates,
     * and again redacted (every Name REDACTED, every plate masked), otherwise cell for cell the same.
     */
    private static void releasedTwice(Path namedFile, Path redactedFile, List<List<String>> named) throws IOException {
        List<String> header = FlockAudit.Era.OCT_2025.header;
        try (Csv out = Csv.open(namedFile); Csv redacted = Csv.open(redactedFile)) {
            out.row(header);
            redacted.row(header);
            for (List<String> cells : named) {
                out.row(cells);
                List<String> masked = new ArrayList<>(cells);
                masked.set(header.indexOf("Name"), "REDACTED");
                masked.set(header.indexOf("License Plate"), "***");
                redacted.row(masked);
            }
        }
    }

    /** Users of other organisations appear redacted in network audits; some plates are masked. */
    private static List<GenRow> redactOthers(List<GenRow> rows, String owner, Random r) {
        return rows.stream().map(g -> new GenRow(g.at(), g.requester(), g.ori(),
                owner.equals(g.requester()) ? g.user() : "REDACTED", g.reason(), g.caseNumber(), g.type(),
                g.legalProcess(), r.nextInt(10) < 3 ? "***" : g.target(), g.planted(), g.lookbackDays(), g.destination())).toList();
    }

    private static GenRow withRequester(GenRow g, String requester) {
        return new GenRow(g.at(), requester, g.ori(), g.user(), g.reason(), g.caseNumber(), g.type(), g.legalProcess(),
                g.target(), g.planted(), g.lookbackDays(), g.destination());
    }

    static Instant start(String month, String zone) {
        return YearMonth.parse(month).atDay(1).atStartOfDay(ZoneId.of(zone)).toInstant();
    }

    static Instant end(String month, String zone) {
        return YearMonth.parse(month).plusMonths(1).atDay(1).atStartOfDay(ZoneId.of(zone)).toInstant().minusSeconds(1);
    }

    /** Background and the file's planted rows, in time order. */
    private static List<GenRow> merge(List<GenRow> background, List<Planted> planted, String file, Random r) {
        List<GenRow> rows = new ArrayList<>(background);
        for (Planted p : planted) {
            if (p.file.equals(file)) {
                rows.add(new GenRow(p.at, p.requester, p.ori, Pools.user(r), p.reason, p.caseNumber, p.queryType,
                        p.legalProcess, Pools.plate(r), true, p.lookbackDays, p.destination.isEmpty() ? null : p.destination));
            }
        }
        rows.sort(Comparator.comparing(GenRow::at));
        return rows;
    }

    /** A row of planted.csv. */
    record Planted(String file, Instant at, String requester, String ori, String reason, String caseNumber,
                   String queryType, String legalProcess, int lookbackDays, String destination, String note) {
    }

    static List<Planted> planted() throws IOException {
        List<Planted> out = new ArrayList<>();
        try (Reader in = new InputStreamReader(SampleLogs.class.getClassLoader()
                .getResourceAsStream("queryaudit/generate/planted.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                out.add(new Planted(rec.get("file"), OffsetDateTime.parse(rec.get("occurred_at")).toInstant(),
                        rec.get("requester"), rec.get("requester_ori"), rec.get("reason"), rec.get("case_number"),
                        rec.get("query_type"), rec.get("legal_process"),
                        rec.get("lookback_days").isEmpty() ? 0 : Integer.parseInt(rec.get("lookback_days")), rec.get("destination"),
                        rec.get("note")));
            }
        }
        return out;
    }
}
