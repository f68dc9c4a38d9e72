package org.queryaudit.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.queryaudit.TestSpark;

/**
 * Issue 18: every package uses only the packages below it (ARCHITECTURE.md). The sources are
 * read as written: an import or a fully qualified name of another queryaudit package is a use.
 */
class LayeringTest {
    /** Lowest first; a package may use those before it, never one after it. */
    static final List<String> LAYERS = List.of("base", "model", "reference", "ingest", "resolve", "tag", "classify", "evaluate", "engine", "store",
            "report", "run", "generate", "cli");
    private static final Pattern USE = Pattern.compile("org\\.queryaudit\\.([a-z]+)\\.[A-Z]");

    /** Package to the other queryaudit packages its sources name. */
    static Map<String, TreeSet<String>> uses(Path main) throws Exception {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = main.relativize(f);
                String pkg = rel.getNameCount() == 1 ? "(top)" : rel.getName(0).toString();
                Matcher m = USE.matcher(Files.readString(f));
                TreeSet<String> used = out.computeIfAbsent(pkg, k -> new TreeSet<>());
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        return out;
    }

    /** Every use of a package at or above the user's layer (or of one, or by one, with no layer). */
    static List<String> upward(Map<String, TreeSet<String>> uses) {
        List<String> out = new ArrayList<>();
        uses.forEach((pkg, used) -> {
            for (String u : used) {
                if (!LAYERS.contains(pkg) || !LAYERS.contains(u) || LAYERS.indexOf(u) >= LAYERS.indexOf(pkg)) {
                    out.add(pkg + " -> " + u);
                }
            }
        });
        return out;
    }

    @Test
    void everyPackageUsesOnlyThoseBelowIt() throws Exception {
        Map<String, TreeSet<String>> uses = uses(TestSpark.root().resolve("analyzer/src/main/java/org/queryaudit"));
        System.out.println("package graph: " + uses);
        assertTrue(!uses.containsKey("(top)"), "no class sits loose in org.queryaudit: " + uses.get("(top)"));
        assertTrue(LAYERS.containsAll(uses.keySet()), "every package has a place in LAYERS (ARCHITECTURE.md): " + uses.keySet());
        assertEquals(List.of(), upward(uses), "a package uses one at or above its own layer");
    }

    @Test
    void theCheckSeesAnUpwardUse(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("ingest"));
        Files.createDirectories(dir.resolve("report"));
        Files.writeString(dir.resolve("ingest/A.java"), "package org.queryaudit.ingest;\nimport org.queryaudit.report.CsvTable;\n");
        Files.writeString(dir.resolve("report/B.java"), "package org.queryaudit.report;\nclass B { org.queryaudit.ingest.A a; }\n");
        Files.writeString(dir.resolve("Loose.java"), "package org.queryaudit;\n");
        Map<String, TreeSet<String>> uses = uses(dir);
        assertEquals(List.of("ingest -> report"), upward(uses), "ingest using report is caught; report using ingest is not");
        assertTrue(uses.containsKey("(top)"), "a loose class is seen");
    }
}
