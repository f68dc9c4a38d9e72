package org.queryaudit.cli;

import org.queryaudit.base.ConfigException;
import picocli.CommandLine;

/** Turns a failure into one clear line: a user-fixable problem, or an internal error with its cause. */
final class ErrorLine implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        Throwable cause = ex;
        while (cause != null && !(cause instanceof ConfigException)) {
            cause = cause.getCause();
        }
        if (cause != null) {
            cmd.getErr().println("queryaudit: " + cause.getMessage());
            return 1;
        }
        cmd.getErr().println("queryaudit: the run failed: " + ex);
        ex.printStackTrace(cmd.getErr());
        return 1;
    }
}
