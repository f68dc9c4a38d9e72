package org.queryaudit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.queryaudit.model.Period;
import org.queryaudit.run.RunResult;
import org.queryaudit.run.Sessions;
import org.queryaudit.run.StoreReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes the reports over many months from a monthly event store (see run --store),",
            "reading the stored events, not the old exports.",
            "Exit 0 when written, 1 on a store or configuration problem (nothing is written), 2 on a usage error."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "The event store that runs added months to.")
    String store;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder: new, empty, or a previous queryaudit output (replaced when the report is written).")
    String out;

    @Mixin
    PeriodOptions periodOptions;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "A folder of your own rule packs, for the citations the reports print (violations were found when each month was run).")
    Path rules;

    @Override
    public Integer call() throws Exception {
        Period period = periodOptions.period();
        List<String> command = new ArrayList<>(List.of("queryaudit", "report"));
        command.addAll(spec.commandLine().getParseResult().originalArgs());
        SparkSession spark = Sessions.start(master);
        try {
            RunResult r = new StoreReport(spark).execute(new StoreReport.Options(store, out, period, rules, command));
            java.io.PrintWriter console = spec.commandLine().getOut();
            console.printf("stored events reported: %d%n", r.rows().selected());
            r.outputs().forEach((k, v) -> console.printf("  %-20s %d rows%n", k, v));
            console.printf("report written to %s%n", r.out());
            console.flush();
            return 0;
        } finally {
            spark.stop();
        }
    }
}
