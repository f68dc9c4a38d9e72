package org.queryaudit.generate;

import java.util.List;
import java.util.Random;

/**
 * Realistic values for background rows: agency names in the vendor's conventions, reasons
 * as agencies type them (the Eugene OR portal's top reasons, the 2026 dropdown values),
 * search types and their shares. Chosen by a seeded {@link Random}, so output repeats.
 */
final class Pools {
    static final List<String> REASONS = List.of("uuv", "property crime", "person crime", "investigation",
            "suspicious vehicle", "stolen vehicle", "daytime search for best result", "investigative", "person+crime",
            "welfare check", "missing person", "inv", "hit and run", "burglary", "robbery", "felony theft", "warrant",
            "criminal investigation", "catalytic converter theft", "shots fired", "DUI hit and run", "narcotics",
            "AOA", "assist other agency", "amber alert", "kidnapping", "fraud", "vandalism", "assault", "trespass",
            "wanted subject", "stolen plate", "reckless driving", "theft of mail", "homicide", "test", "n/a", "");
    static final List<String> DROPDOWN = List.of("Motor Vehicle Theft/Stolen", "Larceny/Theft Offenses",
            "Burglary/Breaking & Entering", "Drugs/Narcotics", "Wanted Person (Arrest Warrant/Fugitive)",
            "Assault/Battery Offenses", "Traffic Infraction", "Stolen Property Offenses", "Robbery",
            "Hit and Run/Car Accident", "Welfare Check", "Homicide/Death Investigation");
    static final List<String> SEARCH_TYPES = List.of("lookup", "lookup", "lookup", "lookup", "lookup - Mobile",
            "search", "search", "search", "search - Mobile", "convoy", "visual", "freeform", "multiGeo");

    private Pools() {
    }

    static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    static String caseNumber(Random r, int year) {
        return r.nextInt(10) < 6 ? String.format("%02d-%06d", year % 100, r.nextInt(1_000_000)) : "";
    }

    static String plate(Random r) {
        String letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
        StringBuilder b = new StringBuilder();
        b.append(r.nextInt(9) + 1);
        for (int i = 0; i < 3; i++) {
            b.append(letters.charAt(r.nextInt(letters.length())));
        }
        for (int i = 0; i < 3; i++) {
            b.append(r.nextInt(10));
        }
        return b.toString();
    }

    static String user(Random r) {
        String[] first = {"J.", "M.", "A.", "S.", "K.", "R.", "T.", "L."};
        String[] last = {"Nguyen", "Smith", "Garcia", "Johnson", "Lee", "Martinez", "Brown", "Davis", "Lopez", "Wilson"};
        return first[r.nextInt(first.length)] + " " + last[r.nextInt(last.length)];
    }
}
