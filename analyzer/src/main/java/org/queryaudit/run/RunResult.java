package org.queryaudit.run;

import java.util.Map;
import org.queryaudit.report.RowCounts;

/**
 * What a finished run produced, for the CLI's summary and for tests.
 *
 * @param out     the output folder
 * @param rows    rows of all inputs together
 * @param perFile rows of each input, by its path as given
 * @param outputs rows written to each output file
 */
public record RunResult(String out, RowCounts rows, Map<String, RowCounts> perFile, Map<String, Long> outputs) {
}
