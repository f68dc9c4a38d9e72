package org.queryaudit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.queryaudit.run.RunOptions;
import org.queryaudit.base.ConfigException;
import org.queryaudit.ingest.InputRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the audit over the sample logs (sample-logs/inputs.csv) into reports/demo.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--samples", paramLabel = "DIR", defaultValue = "sample-logs", description = "The sample logs folder (default: ${DEFAULT-VALUE}).")
    Path samples;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports/demo", description = "Output folder (default: ${DEFAULT-VALUE}).")
    String out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*]).")
    String master;

    @Override
    public Integer call() throws Exception {
        Path list = samples.resolve("inputs.csv");
        if (!Files.isReadable(list)) {
            throw new ConfigException("demo: " + list + " not found; run the demo from the project folder (scripts/queryaudit demo)");
        }
        List<InputRequest> requests = new ArrayList<>(InputsList.read(list));
        List<String> command = new ArrayList<>(List.of("queryaudit", "demo"));
        command.addAll(spec.commandLine().getParseResult().originalArgs());
        RunOptions opt = new RunOptions(requests, out, null, null, null, null, null, master, false, null, null, command, null, false);
        int code = RunCommand.execute(opt, spec.commandLine().getOut());
        spec.commandLine().getOut().printf("open %s/report.html (the agencies' own reports are in %s/agencies/)%n", out, out);
        spec.commandLine().getOut().flush();
        return code;
    }
}
