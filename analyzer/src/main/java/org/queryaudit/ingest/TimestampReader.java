package org.queryaudit.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads instants with a profile's formats, tried in order; the format that last worked is
 * tried first, since a file keeps one format. Values without an offset are in the profile's
 * zone. Not thread-safe (one per task).
 */
public final class TimestampReader {
    /** Earliest and latest plausible query times; outside is an export fault such as 9/9/9999. */
    static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    private static final Pattern RANGE_SPLIT = Pattern.compile("\\s*(?:\\r\\n|\\n|\\r)\\s*|\\s+to\\s+", Pattern.CASE_INSENSITIVE);

    private final DateTimeFormatter[] formats;
    private final List<String> patterns;
    private final ZoneId zone;
    private final boolean flockShape;
    private final boolean isoShape;
    private int last;

    public TimestampReader(List<String> patterns, String zone) {
        this.patterns = List.copyOf(patterns);
        this.zone = ZoneId.of(zone);
        this.flockShape = patterns.stream().anyMatch(p -> p.startsWith("M/d/yyyy") || p.startsWith("MM/dd/yyyy"));
        this.isoShape = patterns.stream().anyMatch(p -> p.startsWith("yyyy-MM-dd"));
        this.formats = new DateTimeFormatter[patterns.size()];
        for (int i = 0; i < formats.length; i++) {
            formats[i] = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(patterns.get(i))
                    .toFormatter(Locale.US);
        }
    }

    /** The instant written in {@code text}; throws {@link IllegalArgumentException} saying why not. */
    public Instant read(String text) {
        Instant fast = flockShape ? FastTimes.flock(text, zone) : null;
        if (fast == null && isoShape) {
            fast = FastTimes.iso(text, zone);
        }
        if (fast != null) {
            Instant instant = fast;
            if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
                throw new IllegalArgumentException("'" + text + "' is an impossible date (outside 1990-2099)");
            }
            return instant;
        }
        for (int n = 0; n < formats.length; n++) {
            int i = (last + n) % formats.length;
            try {
                TemporalAccessor t = formats[i].parse(text);
                Instant instant = t.isSupported(ChronoField.INSTANT_SECONDS)
                        ? Instant.from(t) : LocalDateTime.from(t).atZone(zone).toInstant();
                last = i;
                if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
                    throw new IllegalArgumentException("'" + text + "' is an impossible date (outside 1990-2099)");
                }
                return instant;
            } catch (java.time.DateTimeException e) {
                // try the next format
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a date in the profile's formats " + patterns);
    }

    /** The two halves of "A\nB" without a regular expression (the common case); null otherwise. */
    private static String[] splitRange(String t) {
        int nl = t.indexOf('\n');
        if (nl < 0 || t.indexOf('\n', nl + 1) >= 0) {
            return null;
        }
        int end = nl > 0 && t.charAt(nl - 1) == '\r' ? nl - 1 : nl;
        return new String[] {t.substring(0, end).strip(), t.substring(nl + 1).strip()};
    }

    /** Both ends of a "Time Frame" cell: two lines, or "A UTC to B UTC". */
    public Instant[] readRange(String text) {
        String[] parts = splitRange(text.strip());
        if (parts == null) {
            parts = RANGE_SPLIT.split(text.strip());
        }
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text.replace("\n", "\\n").replace("\r", "\\r")
                    + "' is not two times (on two lines, or 'A to B')");
        }
        return new Instant[] {read(parts[0]), read(parts[1])};
    }
}
