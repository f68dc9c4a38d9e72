package org.queryaudit.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A statewide month of Flock network audits (issue 16): many owners, and searches that reach
 * several of them, each search a row in every reached owner's audit with the same requester,
 * second, networks searched and time frame, as Flock exports it. Each row carries the search's
 * true id in the {@code ID} column, so a run can be checked against the truth.
 *
 * <p>What makes keys collide in real data is modelled, so the measured precision means
 * something: an organisation's "networks searched" is the same for all its searches of a day
 * (the networks it can reach); time frames are presets ending at the search time; and a share
 * of searches is followed by another by the same user a second or two later (a retyped plate),
 * sometimes in the same second.
 */
public final class StatewideMonth {
    /** Time-frame presets in hours, as Flock's search form offers them. */
    private static final int[] PRESETS = {24, 24, 24, 168, 168, 720};

    /**
     * @param owners     owners' audits to write (one file each)
     * @param requesters requesting organisations
     * @param searches   distinct searches
     * @param retyped    share of searches followed by a second one by the same user within 0-2 seconds
     * @return the files written
     */
    public static List<Path> write(Path dir, int owners, int requesters, int searches, double retyped, long seed) throws IOException {
        Files.createDirectories(dir);
        Random r = new Random(seed);
        LocalDate month = LocalDate.of(2025, 9, 1);
        Instant from = month.atStartOfDay(ZoneOffset.UTC).toInstant();
        long span = 30L * 24 * 3600;
        List<String> ownerNames = new ArrayList<>();
        for (int i = 0; i < owners; i++) {
            ownerNames.add("City " + i + " CA PD");
        }
        List<String> orgs = new ArrayList<>();
        int[] baseNets = new int[requesters];
        for (int i = 0; i < requesters; i++) {
            orgs.add(i % 10 == 0 ? "U.S. Border Patrol Sector " + i : "Town " + i + " CA PD");
            baseNets[i] = 20 + r.nextInt(1500);
        }
        List<List<List<String>>> rows = new ArrayList<>();
        for (int i = 0; i < owners; i++) {
            rows.add(new ArrayList<>());
        }
        int made = 0;
        while (made < searches) {
            // A few busy organisations make most searches.
            int org = (int) Math.min(requesters - 1, Math.floor(Math.pow(r.nextDouble(), 3) * requesters));
            Instant at = from.plusSeconds((long) (r.nextDouble() * span));
            String user = "officer" + r.nextInt(40);
            int preset = PRESETS[r.nextInt(PRESETS.length)];
            boolean again = r.nextDouble() < retyped;
            for (int copy = 0; copy < (again ? 2 : 1) && made < searches; copy++) {
                Instant t = copy == 0 ? at : at.plusSeconds(r.nextInt(3));
                long day = (t.getEpochSecond() - from.getEpochSecond()) / 86_400;
                int nets = baseNets[org] + (int) (day % 3);
                String id = new UUID(seed, made).toString();
                // Each search reaches 1 to 12 owners, most of them few.
                int reach = 1 + (int) Math.floor(Math.pow(r.nextDouble(), 2) * Math.min(12, owners));
                List<Integer> reached = new ArrayList<>();
                while (reached.size() < reach) {
                    int o = r.nextInt(owners);
                    if (!reached.contains(o)) {
                        reached.add(o);
                    }
                }
                String plate = Pools.plate(r);
                String reason = Pools.pick(r, Pools.REASONS);
                for (int o : reached) {
                    rows.get(o).add(List.of(id, user, orgs.get(org), String.valueOf(nets),
                            FlockAudit.SEARCH_TIME.format(t.minusSeconds(preset * 3600L)) + "\n" + FlockAudit.SEARCH_TIME.format(t),
                            plate, reason, "", "", FlockAudit.SEARCH_TIME.format(t), "search"));
                }
                made++;
            }
        }
        List<Path> files = new ArrayList<>();
        List<String> header = List.of("ID", "Name", "Org Name", "Total Networks Searched", "Time Frame", "License Plate", "Reason",
                "Case #", "Filters", "Search Time", "Search Type");
        for (int i = 0; i < owners; i++) {
            Path f = dir.resolve("9_1_2025-9_30_2025-" + ownerNames.get(i) + "-Network-Audit.csv");
            try (Csv out = Csv.open(f)) {
                out.row(header);
                for (List<String> row : rows.get(i)) {
                    out.row(row);
                }
            }
            files.add(f);
        }
        return files;
    }

    private StatewideMonth() {
    }
}
