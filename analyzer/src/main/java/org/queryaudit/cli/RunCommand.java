package org.queryaudit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.queryaudit.run.AuditRun;
import org.queryaudit.run.PreparedRun;
import org.queryaudit.run.RunOptions;
import org.queryaudit.run.RunResult;
import org.queryaudit.run.Sessions;
import org.queryaudit.ingest.InputRequest;
import org.queryaudit.ingest.ProfileCatalog;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Reads query-log exports and writes the audit into --out.",
            "Exit 0 when the run finished (quarantined rows are not a failure), 1 on an input or",
            "configuration problem (nothing is written), 2 on a usage error."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Inputs inputs;

    static final class Inputs {
        @Option(names = "--input", arity = "1..*", paramLabel = "PATH",
                description = "Export files or folders (folders are read recursively: .csv, .tsv, .txt).")
        List<String> paths;

        @Option(names = "--inputs", paramLabel = "LIST.csv",
                description = "A list of exports: path,format,owner,owner_state (paths relative to the list).")
        Path list;
    }

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder: new, empty, or a previous queryaudit output (replaced when the run finishes).")
    String out;

    @Option(names = "--format", paramLabel = "auto|NAME|FILE.yaml", defaultValue = "auto",
            description = "Format of the --input files: detected from the header (default), a profile id, or your own profile YAML.")
    String format;

    @Option(names = "--owner", paramLabel = "NAME", description = "Owner agency of files whose name and list do not say.")
    String owner;

    @Option(names = "--owner-state", paramLabel = "XX", description = "Owner's state of files whose name and list do not say.")
    String ownerState;

    @Option(names = "--sharing", paramLabel = "FILE", description = "A sharing-configuration export (Flock SharedNetworks); repeatable.")
    List<String> sharing = new ArrayList<>();

    @Mixin
    PeriodOptions periodOptions;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--directory", paramLabel = "FILE.csv",
            description = "Your own agency-directory rows (e.g. your state's ORI list), read before the shipped ones.")
    Path directory;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "A folder of your own rule packs (XX.yaml); each replaces the shipped pack of its state.")
    Path rules;

    @Option(names = "--show-sensitive", description = "Print plates, licence numbers and user names in clear.")
    boolean showSensitive;

    @Option(names = "--store", paramLabel = "DIR",
            description = {"A monthly event store (created if absent): the run's events are added to it, replacing what an "
                    + "earlier run stored for the same owners and months; `queryaudit report --store DIR` reports over many months."})
    String store;

    @Option(names = "--replace-shorter", description = "With --store: replace a stored month even when this run's events "
            + "span fewer of its days than the stored run's (refused otherwise, with both periods named).")
    boolean replaceShorter;

    @Override
    public Integer call() throws Exception {
        List<InputRequest> requests = new ArrayList<>();
        if (inputs.list != null) {
            requests.addAll(InputsList.read(inputs.list));
        } else {
            inputs.paths.forEach(p -> requests.add(InputRequest.given(p, format, false)));
        }
        sharing.forEach(p -> requests.add(InputRequest.given(p, null, true)));
        List<String> command = new ArrayList<>(List.of("queryaudit", "run"));
        command.addAll(spec.commandLine().getParseResult().originalArgs());
        org.queryaudit.model.Period period = periodOptions.period();
        RunOptions opt = new RunOptions(requests, out, owner, ownerState, period.month(), period.from(), period.to(), master, showSensitive, directory, rules, command,
                store, replaceShorter);
        return execute(opt, spec.commandLine().getOut());
    }

    static int execute(RunOptions opt, java.io.PrintWriter console) throws Exception {
        ProfileCatalog catalog = ProfileCatalog.builtIn();
        PreparedRun prepared = PreparedRun.of(opt, catalog);
        SparkSession spark;
        try {
            spark = Sessions.start(opt.master());
        } catch (RuntimeException e) {
            prepared.out().abandon();
            throw e;
        }
        try {
            RunResult r = new AuditRun(spark, catalog).execute(prepared);
            console.printf("rows read %d: accepted %d, duplicate %d, quarantined %d (in the period: %d)%n",
                    r.rows().read(), r.rows().accepted(), r.rows().duplicate(), r.rows().quarantined(), r.rows().selected());
            r.outputs().forEach((k, v) -> console.printf("  %-20s %d rows%n", k, v));
            console.printf("report written to %s%n", r.out());
            console.flush();
            return 0;
        } finally {
            spark.stop();
        }
    }
}
