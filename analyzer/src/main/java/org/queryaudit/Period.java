package org.queryaudit;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The part of the inputs a run reports on, in the owner's local time: one month, a date range,
 * or everything.
 *
 * @param month yyyy-MM, or null
 * @param from  first local date, or null
 * @param to    last local date, or null
 */
public record Period(String month, LocalDate from, LocalDate to) implements Serializable {
    public static Period of(RunOptions opt) {
        return new Period(opt.month(), opt.from(), opt.to());
    }

    public boolean given() {
        return month != null || from != null || to != null;
    }

    /** Whether an event of this local month and date is inside. */
    public boolean contains(String eventMonth, LocalDate date) {
        return (month == null || month.equals(eventMonth))
                && (from == null || (date != null && !date.isBefore(from)))
                && (to == null || (date != null && !date.isAfter(to)));
    }

    /** As the user typed it, for messages. */
    public String text() {
        if (month != null) {
            return "--month " + month;
        }
        return "--from " + (from == null ? "(start)" : from) + " --to " + (to == null ? "(end)" : to);
    }
}
