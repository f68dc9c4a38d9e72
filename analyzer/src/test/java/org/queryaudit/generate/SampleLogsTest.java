package org.queryaudit.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.queryaudit.TestSpark;

class SampleLogsTest {
    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".csv"))
                    .map(dir::relativize).sorted().toList();
        }
    }

    @Test
    void theCommittedSampleLogsAreExactlyWhatTheSeededGeneratorWrites(@TempDir Path tmp) throws IOException {
        SampleLogs.write(tmp, SampleLogs.DEFAULT_SEED);
        Path committed = TestSpark.root().resolve("sample-logs");
        assertEquals(files(committed), files(tmp));
        for (Path f : files(tmp)) {
            assertArrayEquals(Files.readAllBytes(committed.resolve(f)), Files.readAllBytes(tmp.resolve(f)), f.toString());
        }
    }
}
