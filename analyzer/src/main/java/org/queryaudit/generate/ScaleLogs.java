package org.queryaudit.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes realistic exports of any size, streamed row by row, for benchmarks and scale tests:
 * a Flock network audit of one California owner (13-column era, two-line Time Frame cells),
 * or a Washington Nlets message log. Requesters mix the owner's state (most), other states
 * through national lookup (about 1 in 20), and federal agencies (about 1 in 200); reasons
 * mix the Eugene export's common reasons, vague ones, the tagging traps, and immigration and
 * federal-assist reasons at low rates. The same seed writes the same bytes.
 */
public final class ScaleLogs {
    /** What to write. */
    public enum Kind { FLOCK, NLETS }

    /**
     * Who asks, per thousand rows: federal agencies, then other states' agencies; the rest are
     * in state. {@code TYPICAL}: 5 and 50 (Nlets: 5 and 25). {@code VIOLATION_HEAVY}: 10 and
     * 333, as in Los Altos CA PD's 2024-25 audits, where about a third of 4.1 M queries came
     * from out of state.
     *
     * @param federal      rows per thousand below which the requester is federal
     * @param outside      below which it is another state's (federal rows included), Flock
     * @param outsideNlets the same for Nlets
     */
    public enum Mix {
        TYPICAL(5, 55, 30), VIOLATION_HEAVY(10, 343, 343);

        final int federal;
        final int outside;
        final int outsideNlets;

        Mix(int federal, int outside, int outsideNlets) {
            this.federal = federal;
            this.outside = outside;
            this.outsideNlets = outsideNlets;
        }
    }

    static final List<String> IN_STATE_CA = cities("CA", 300);
    static final List<String> IN_STATE_WA = cities("WA", 120);
    static final List<String> OTHER_STATES = List.of("Houston TX PD", "Dallas TX PD", "Harris County TX SO", "Phoenix AZ PD",
            "Las Vegas NV PD", "Reno NV PD", "Portland OR PD", "Boise ID PD", "Federal Way WA PD", "Denver CO PD",
            "Federal Heights CO PD", "Miami-Dade FL SO", "Atlanta GA PD", "Chicago IL PD", "Mount Prospect IL PD",
            "MS Office of Homeland Security", "Texas DPS", "Oklahoma City OK PD", "Salt Lake City UT PD", "Tucson AZ PD");
    static final List<String> FEDERAL = List.of("U.S. Border Patrol", "US Border Patrol [Inactive]",
            "Homeland Security Investigations [Federal] [Inactive]", "US Postal Inspection Service [Federal]",
            "Langley VA Air Force Base [Federal]", "FBI Sacramento [Federal]", "ATF Nashville TN [Inactive]");
    static final List<String> TRAPS = List.of("ice possession", "ice sales H&S 11379", "DHS AOD welfare check", "PC 287 theft",
            "Marshall St burglary", "VICE unit follow up", "police report follow up", "dead body found",
            "removal of property dispute", "Federal Way burglary", "juvenile justice referral");
    static final List<String> IMMIGRATION = List.of("immigration", "ICE+ERO", "ICE WARRANT", "HSI", "assist CBP",
            "Immigration (civil/administrative)", "deportation case", "287(g) task force", "assist ICE detainer");
    static final List<String> FEDERAL_ASSIST = List.of("assist US Marshals fugitive task force", "FBI Safe Streets",
            "DEA task force", "ATF NIBIN lead", "USMS warrant");

    private ScaleLogs() {
    }

    static List<String> cities(String st, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i % 7 == 0 ? "County" + i + " County " + st + " SO" : "City" + i + " " + st + " PD");
        }
        return out;
    }

    static String reason(Random r) {
        int p = r.nextInt(1000);
        if (p < 3) {
            return Pools.pick(r, IMMIGRATION);
        }
        if (p < 5) {
            return Pools.pick(r, FEDERAL_ASSIST);
        }
        if (p < 15) {
            return Pools.pick(r, TRAPS);
        }
        return Pools.pick(r, Pools.REASONS);
    }

    /** Writes {@code rows} rows in {@code files} files into {@code dir}; returns the files written. */
    public static List<Path> write(Kind kind, long rows, int files, Path dir, long seed) throws IOException {
        return write(kind, Mix.TYPICAL, rows, files, dir, seed);
    }

    /** The same with a mix of requesters. */
    public static List<Path> write(Kind kind, Mix mix, long rows, int files, Path dir, long seed) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        Random r = new Random(seed);
        Instant from = Instant.parse("2025-09-01T07:00:00Z");
        long spanSeconds = 30L * 24 * 3600 - 1;
        long perFile = (rows + files - 1) / files;
        long written = 0;
        for (int f = 0; f < files && written < rows; f++) {
            long n = Math.min(perFile, rows - written);
            // Rows within a file are in time order, as the vendor exports them.
            long t0 = from.getEpochSecond() + spanSeconds * f / files;
            long t1 = from.getEpochSecond() + spanSeconds * (f + 1) / files;
            Path file = dir.resolve(kind == Kind.FLOCK
                    ? String.format("9_1_2025-9_30_2025-Big City CA PD-Network-Audit-part%03d.csv", f)
                    : String.format("wa-nlets-2025-09-part%03d.csv", f));
            out.add(file);
            try (Csv csv = Csv.open(file)) {
                if (kind == Kind.FLOCK) {
                    csv.row(FlockAudit.Era.JAN_2025.header);
                } else {
                    csv.row(List.of("timestamp", "message_key", "originating_ori", "destination", "user_id", "control_field",
                            "purpose_code", "reason", "query", "response_status"));
                }
                for (long i = 0; i < n; i++) {
                    Instant at = Instant.ofEpochSecond(t0 + (t1 - t0) * i / Math.max(1, n), r.nextInt(1000) * 1_000_000L);
                    if (kind == Kind.FLOCK) {
                        csv.row(FlockAudit.cells(FlockAudit.Era.JAN_2025, flockRow(r, at, mix), false, 0.05, r));
                    } else {
                        csv.row(OtherExports.nletsCells(nletsRow(r, at, mix), "WA", r));
                    }
                }
            }
            written += n;
        }
        return out;
    }

    static GenRow flockRow(Random r, Instant at, Mix mix) {
        int p = r.nextInt(1000);
        String org = p < mix.federal ? Pools.pick(r, FEDERAL) : p < mix.outside ? Pools.pick(r, OTHER_STATES)
                : p < 600 ? "Big City CA PD" : Pools.pick(r, IN_STATE_CA);
        String user = org.equals("Big City CA PD") ? Pools.user(r) : "REDACTED";
        return new GenRow(at, org, null, user, reason(r), Pools.caseNumber(r, 2025), null, null,
                r.nextInt(10) < 3 ? "***" : Pools.plate(r), false, 0, null);
    }

    static GenRow nletsRow(Random r, Instant at, Mix mix) {
        int p = r.nextInt(1000);
        String ori = p < mix.federal ? Pools.pick(r, List.of("WAICE0800", "WAHSI0100", "WACBP0300", "VTICE0900", "WAFBI0000"))
                : p < mix.outsideNlets ? String.format("OR%07d", r.nextInt(400) * 100)
                : String.format("WA%07d", r.nextInt(2000) * 100);
        // Issue 17's cases, from the draws already made (so a seed gives the same rows as before but
        // for these): criminal-history queries (IQ), immigration status queries sent by a local
        // agency to ICE's LESC (IAQ to VTICE0900, never a state's data), and broadcasts (NL).
        String key = Pools.pick(r, List.of("DQ", "IQ", "RQ", "RQ", "RQ", "DNQ", "RNQ", "RPQ"));
        String destination = null;
        if (ori.equals("VTICE0900")) {
            ori = String.format("WA%07d", (p * 7 % 2000) * 100);
            key = "IAQ";
            destination = "VTICE0900";
        } else if (p % 50 == 7 && key.startsWith("RQ")) {
            destination = "NL";
        }
        String reason = r.nextInt(3) == 0 ? "" : reason(r).toUpperCase(java.util.Locale.ROOT);
        return new GenRow(at, null, ori, Pools.user(r), reason, "", key, null, Pools.plate(r), false, 0, destination);
    }
}
