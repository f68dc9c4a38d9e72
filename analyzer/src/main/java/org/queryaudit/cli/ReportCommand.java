package org.queryaudit.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.queryaudit.Period;
import org.queryaudit.RunResult;
import org.queryaudit.Sessions;
import org.queryaudit.StoreReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
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

    @ArgGroup(exclusive = true)
    Months months;

    static final class Months {
        @Option(names = "--month", paramLabel = "YYYY-MM", description = "Only this calendar month.")
        String month;

        @ArgGroup(exclusive = false)
        Range range;
    }

    static final class Range {
        @Option(names = "--from", paramLabel = "DATE", description = "Only from this local date (YYYY-MM-DD).")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DATE", description = "Only up to and including this local date (YYYY-MM-DD).")
        LocalDate to;
    }

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "A folder of your own rule packs, for the citations the reports print (violations were found when each month was run).")
    Path rules;

    @Override
    public Integer call() throws Exception {
        Period period = new Period(months == null ? null : months.month,
                months == null || months.range == null ? null : months.range.from,
                months == null || months.range == null ? null : months.range.to);
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
