package org.queryaudit.run;

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
 * @param directory     the user's own agency-directory rows (CSV), or null
 * @param rules         a folder of the user's own rule packs (each replaces its state's), or null
 * @param command       the command line, for the manifest
 * @param store         a monthly event store the run's events are added to (replacing the months it covers), or null
 * @param replaceShorter replace a stored month even by a run whose events span fewer of its days
 */
public record RunOptions(List<InputRequest> inputs, String out, String owner, String ownerState, String month,
                         LocalDate from, LocalDate to, String master, boolean showSensitive, java.nio.file.Path directory,
                         java.nio.file.Path rules, List<String> command, String store,
                         boolean replaceShorter) {
    public RunOptions {
        inputs = List.copyOf(inputs);
        command = List.copyOf(command);
    }

    /** A run over these inputs into this folder, every other option at its default. */
    public static RunOptions of(List<InputRequest> inputs, String out) {
        return new RunOptions(inputs, out, null, null, null, null, null, null, false, null, null, List.of(), null, false);
    }

    public RunOptions withOwner(String agency, String state) {
        return new RunOptions(inputs, out, agency, state, month, from, to, master, showSensitive, directory, rules, command, store, replaceShorter);
    }

    public RunOptions withMonth(String m) {
        return new RunOptions(inputs, out, owner, ownerState, m, from, to, master, showSensitive, directory, rules, command, store, replaceShorter);
    }


    public RunOptions withStore(String folder) {
        return new RunOptions(inputs, out, owner, ownerState, month, from, to, master, showSensitive, directory, rules, command, folder, replaceShorter);
    }

    public RunOptions withReplaceShorter() {
        return new RunOptions(inputs, out, owner, ownerState, month, from, to, master, showSensitive, directory, rules, command, store,
                true);
    }

    public RunOptions withShowSensitive() {
        return new RunOptions(inputs, out, owner, ownerState, month, from, to, master, true, directory, rules, command, store, replaceShorter);
    }


    /** The part of the inputs this run reports on. */
    public org.queryaudit.model.Period period() {
        return new org.queryaudit.model.Period(month, from, to);
    }
}
