package org.queryaudit.model;

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
    public boolean given() {
        return month != null || from != null || to != null;
    }

    /** Whether an event of this local month and date is inside. */
    public boolean contains(String eventMonth, LocalDate date) {
        return (month == null || month.equals(eventMonth))
                && (from == null || (date != null && !date.isBefore(from)))
                && (to == null || (date != null && !date.isAfter(to)));
    }

    /** Stops with a message when the month is not one, or --to is before --from. */
    public void validate() {
        if (month != null && !month.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            throw new org.queryaudit.base.ConfigException("--month '" + month + "' is not a month; write it as YYYY-MM, e.g. 2025-03");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new org.queryaudit.base.ConfigException("--to " + to + " is before --from " + from);
        }
    }

    /** Whether any day of this yyyy-MM month is inside. */
    public boolean coversMonth(String m) {
        if (month != null) {
            return month.equals(m);
        }
        return (from == null || m.compareTo(from.toString().substring(0, 7)) >= 0)
                && (to == null || m.compareTo(to.toString().substring(0, 7)) <= 0);
    }

    /**
     * What the reports say they cover: "2025-09", the --from/--to dates, else the first to the
     * last of the months the events fall in ("no events" when none).
     */
    public String label(java.util.SortedSet<String> eventMonths) {
        if (month != null) {
            return month;
        }
        if (from != null || to != null) {
            return (from == null ? "start" : from.toString()) + " to " + (to == null ? "end" : to.toString());
        }
        if (eventMonths.isEmpty()) {
            return "no events";
        }
        return eventMonths.first().equals(eventMonths.last()) ? eventMonths.first() : eventMonths.first() + " to " + eventMonths.last();
    }

    /** As the user typed it, for messages. */
    public String text() {
        if (month != null) {
            return "--month " + month;
        }
        return "--from " + (from == null ? "(start)" : from) + " --to " + (to == null ? "(end)" : to);
    }
}
