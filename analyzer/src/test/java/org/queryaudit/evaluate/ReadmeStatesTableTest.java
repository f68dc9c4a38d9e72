package org.queryaudit.evaluate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.queryaudit.TestSpark;

/** The README's table of states covered lists every shipped rule, with its confidence. */
class ReadmeStatesTableTest {
    @Test
    void everyRuleIsInTheReadmeWithItsConfidence() throws Exception {
        String readme = Files.readString(TestSpark.root().resolve("README.md"));
        for (Rule r : RuleBook.load(null).rules()) {
            String row = readme.lines().filter(l -> l.contains("`" + r.id() + "`")).findFirst()
                    .orElseThrow(() -> new AssertionError("README lacks rule " + r.id()));
            assertTrue(row.contains(r.confidence() + " confidence") && row.contains(r.status()), row);
        }
        assertTrue(readme.contains("| TX | — | no restriction |"));
    }
}
