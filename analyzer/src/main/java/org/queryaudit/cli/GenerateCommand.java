package org.queryaudit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.queryaudit.generate.ScaleLogs;
import org.queryaudit.generate.SampleLogs;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes realistic exports of every supported format from a seed (the same seed, the same bytes).")
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--samples", paramLabel = "DIR", description = "Write the small sample-logs set (with planted findings) into DIR.")
    Path samples;

    @Option(names = "--kind", paramLabel = "flock|nlets", description = "With --rows: a Flock network audit or an Nlets message log.")
    String kind = "flock";

    @Option(names = "--rows", paramLabel = "N", description = "Write N rows of realistic data (any size, streamed) into --out.")
    Long rows;

    @Option(names = "--files", paramLabel = "K", defaultValue = "1", description = "Split the rows over K files (default: 1).")
    int files;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for --rows output.")
    Path out;

    @Option(names = "--mix", paramLabel = "typical|violation-heavy", defaultValue = "typical",
            description = "With --rows: who asks. typical: 1 in 200 federal, 1 in 20 from other states; violation-heavy:"
                    + " 1 in 100 federal, a third from other states (default: ${DEFAULT-VALUE}).")
    String mix;

    @Option(names = "--seed", defaultValue = "" + SampleLogs.DEFAULT_SEED, description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (samples != null) {
            SampleLogs.write(samples, seed);
            System.out.println("sample logs written to " + samples);
            return 0;
        }
        if (rows == null || out == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give --samples DIR, or --rows N --out DIR");
        }
        ScaleLogs.Kind k = switch (kind) {
            case "flock" -> ScaleLogs.Kind.FLOCK;
            case "nlets" -> ScaleLogs.Kind.NLETS;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--kind is flock or nlets");
        };
        long t = System.nanoTime();
        ScaleLogs.Mix m = switch (mix) {
            case "typical" -> ScaleLogs.Mix.TYPICAL;
            case "violation-heavy" -> ScaleLogs.Mix.VIOLATION_HEAVY;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--mix is typical or violation-heavy");
        };
        var written = ScaleLogs.write(k, m, rows, files, out, seed);
        System.out.printf("%d %s rows in %d file(s) written to %s in %.1f s%n", rows, kind, written.size(), out,
                (System.nanoTime() - t) / 1e9);
        return 0;
    }
}
