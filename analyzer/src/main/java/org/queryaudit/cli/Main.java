package org.queryaudit.cli;

import picocli.CommandLine;

/** The {@code queryaudit} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args);
        System.exit(code);
    }

    /** Runs a command line and returns its exit code (0 success, 1 failure, 2 usage error). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new QueryAuditCommand());
        cli.setExecutionExceptionHandler(new ErrorLine());
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("queryaudit: " + ex.getMessage()
                    + " (see: queryaudit " + ex.getCommandLine().getCommandName() + " --help)");
            return 2;
        });
        return cli.execute(args);
    }
}
