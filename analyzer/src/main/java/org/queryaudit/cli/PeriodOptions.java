package org.queryaudit.cli;

import java.time.LocalDate;
import org.queryaudit.model.Period;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --month}, or {@code --from} and {@code --to}: the options of every command that reports on a period. */
final class PeriodOptions {
    @ArgGroup(exclusive = true)
    Months months;

    static final class Months {
        @Option(names = "--month", paramLabel = "YYYY-MM", description = "Only this calendar month (in each owner's time zone).")
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

    /** The period given, or everything. */
    Period period() {
        if (months == null) {
            return new Period(null, null, null);
        }
        return new Period(months.month, months.range == null ? null : months.range.from,
                months.range == null ? null : months.range.to);
    }
}
