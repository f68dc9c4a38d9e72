package org.queryaudit;

import java.time.LocalDate;
import java.util.List;
import org.queryaudit.ingest.InputRequest;

/**
 * What the user asked of one run.
 *
 * @param inputs        the exports and sharing files to read
 * @param out           the output folder
 * @param owner         default owner agency for files that do not say
 * @param ownerState    default owner state for files that do not say
 * @param month         only this local month (yyyy-MM), or null
 * @param from          only from this local date, or null
 * @param to            only up to and including this local date, or null
 * @param master        the Spark master, or null for spark-submit's or local[*]
 * @param showSensitive print plates, licence numbers and user names in clear
 * @param command       the command line, for the manifest
 */
public record RunOptions(List<InputRequest> inputs, String out, String owner, String ownerState, String month,
                         LocalDate from, LocalDate to, String master, boolean showSensitive, List<String> command) {
    public RunOptions {
        inputs = List.copyOf(inputs);
        command = List.copyOf(command);
    }
}
