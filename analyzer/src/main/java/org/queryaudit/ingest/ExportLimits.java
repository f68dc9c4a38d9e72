package org.queryaudit.ingest;

import org.queryaudit.base.ConfigException;
import org.queryaudit.base.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs that an input already lost rows before it reached us ({@code reference/export-limits.yaml}):
 * exactly a spreadsheet's or a round cap's number of rows, or rows that end or begin days away
 * from the period the vendor's file name states. Warnings, not errors: the rows that are there
 * are read; the auditor is told to ask for the rest.
 */
public final class ExportLimits {
    static final String RESOURCE = "queryaudit/reference/export-limits.yaml";
    private static final Pattern PERIOD = Pattern.compile("(?:^|[^0-9])(\\d{1,2})_(\\d{1,2})_(\\d{4})-(\\d{1,2})_(\\d{1,2})_(\\d{4})-");
    private final Map<Long, String> caps;
    private final int slackDays;

    private ExportLimits(Map<Long, String> caps, int slackDays) {
        this.caps = caps;
        this.slackDays = slackDays;
    }

    /** The file as written. */
    record Layout(Integer version, Integer slackDays, List<Cap> caps) {
    }

    /** A row count that an export stops at, and why. */
    record Cap(Long rows, String why) {
    }

    public static ExportLimits shipped() {
        return of(Yaml.shipped(RESOURCE), RESOURCE);
    }

    static ExportLimits of(JsonNode root, String origin) {
        Layout layout = Yaml.bind(root, Layout.class, m -> new ConfigException(origin + ": " + switch (m.field()) {
            case "rows" -> m.parent() + ": field 'rows' must be a positive number";
            case "slack_days" -> "field 'slack_days' must be a whole number of days";
            default -> m.inWords();
        }));
        Map<Long, String> caps = new LinkedHashMap<>();
        List<Cap> listed = layout.caps() == null ? List.of() : layout.caps();
        for (int i = 0; i < listed.size(); i++) {
            Cap c = listed.get(i);
            String where = origin + ": caps[" + i + "]";
            if (c.rows() == null || c.rows() <= 0) {
                throw new ConfigException(where + ": field 'rows' must be a positive number");
            }
            if (c.why() == null || c.why().isBlank()) {
                throw new ConfigException(where + ": field 'why' is missing");
            }
            caps.put(c.rows(), c.why());
        }
        if (layout.slackDays() == null) {
            throw new ConfigException(origin + ": field 'slack_days' must be a whole number of days");
        }
        return new ExportLimits(caps, layout.slackDays());
    }

    /** The period a vendor's file name states ({@code 1_1_2025-1_31_2025-...}), if it states one. */
    public static Optional<LocalDate[]> statedPeriod(String fileName) {
        Matcher m = PERIOD.matcher(fileName);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LocalDate[] {
                LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
                LocalDate.of(Integer.parseInt(m.group(6)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)))});
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The warnings for one input.
     *
     * @param rowsRead data rows read from it
     * @param first    the local date of its first accepted row, or null
     * @param last     the local date of its last accepted row, or null
     */
    public List<String> check(String displayPath, String fileName, long rowsRead, LocalDate first, LocalDate last) {
        List<String> out = new ArrayList<>();
        String why = caps.get(rowsRead);
        if (why != null) {
            out.add(displayPath + ": exactly " + String.format("%,d", rowsRead) + " rows, " + why
                    + ". The export may be incomplete: ask its producer for the rows after the last one");
        }
        Optional<LocalDate[]> period = statedPeriod(fileName);
        if (period.isPresent() && first != null && last != null) {
            DateTimeFormatter d = DateTimeFormatter.ISO_LOCAL_DATE;
            LocalDate from = period.get()[0];
            LocalDate to = period.get()[1];
            long lateStart = ChronoUnit.DAYS.between(from, first);
            long earlyEnd = ChronoUnit.DAYS.between(last, to);
            if (earlyEnd > slackDays) {
                out.add(displayPath + ": its rows end on " + last.format(d) + ", " + earlyEnd + " days before the period its"
                        + " file name states (" + from.format(d) + " to " + to.format(d) + "). The export may have been cut:"
                        + " ask for the rest, or check that no searches were made");
            }
            if (lateStart > slackDays) {
                out.add(displayPath + ": its rows begin on " + first.format(d) + ", " + lateStart + " days after the period its"
                        + " file name states begins (" + from.format(d) + "). The export may miss its first days");
            }
        }
        return out;
    }
}
