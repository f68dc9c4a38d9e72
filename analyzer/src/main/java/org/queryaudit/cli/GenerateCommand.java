package org.queryaudit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.queryaudit.generate.SampleLogs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes realistic exports of every supported format from a seed (the same seed, the same bytes).")
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--samples", paramLabel = "DIR", description = "Write the small sample-logs set (with planted findings) into DIR.",
            required = true)
    Path samples;

    @Option(names = "--seed", defaultValue = "" + SampleLogs.DEFAULT_SEED, description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        SampleLogs.write(samples, seed);
        System.out.println("sample logs written to " + samples);
        return 0;
    }
}
