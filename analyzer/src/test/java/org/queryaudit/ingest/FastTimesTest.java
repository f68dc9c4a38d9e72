package org.queryaudit.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written readers give what java.time gives, on 20,000 random instants of each shape. */
class FastTimesTest {
    @Test
    void flockShapeAgreesWithJavaTime() {
        Random r = new Random(7);
        DateTimeFormatter padded = DateTimeFormatter.ofPattern("MM/dd/yyyy, hh:mm:ss a 'UTC'", Locale.US).withZone(ZoneOffset.UTC);
        DateTimeFormatter bare = DateTimeFormatter.ofPattern("M/d/yyyy, h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(946_684_800L + (long) (r.nextDouble() * 2_000_000_000L));
            assertEquals(t, FastTimes.flock(padded.format(t), ZoneId.of("America/Chicago")));
            assertEquals(t, FastTimes.flock(bare.format(t), ZoneOffset.UTC));
            ZoneId ny = ZoneId.of("America/New_York");
            String local = DateTimeFormatter.ofPattern("M/d/yyyy, h:mm:ss a", Locale.US).withZone(ny).format(t);
            assertEquals(java.time.LocalDateTime.parse(local, DateTimeFormatter.ofPattern("M/d/yyyy, h:mm:ss a", Locale.US))
                    .atZone(ny).toInstant(), FastTimes.flock(local, ny), "without ' UTC' the profile's zone applies");
        }
    }

    @Test
    void isoShapeAgreesWithJavaTime() {
        Random r = new Random(8);
        ZoneId la = ZoneId.of("America/Los_Angeles");
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(946_684_800L + (long) (r.nextDouble() * 2_000_000_000L), r.nextInt(1000) * 1_000_000L);
            assertEquals(t, FastTimes.iso(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(la).format(t), la));
            assertEquals(t, FastTimes.iso(DateTimeFormatter.ISO_INSTANT.format(t), la));
            // Without an offset a local time can be ambiguous (the autumn hour): agree with java.time's own reading.
            String local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(la).format(t);
            assertEquals(java.time.LocalDateTime.parse(local, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")).atZone(la)
                    .toInstant(), FastTimes.iso(local, la));
        }
    }

    @Test
    void anythingElseIsLeftToTheProfilesFormats() {
        assertNull(FastTimes.flock("13/45/2025, 11:00:00 AM UTC", ZoneOffset.UTC));
        assertNull(FastTimes.flock("02/30/2025, 11:00:00 AM UTC", ZoneOffset.UTC));
        assertNull(FastTimes.flock("1/1/2025, 13:00:00 PM UTC", ZoneOffset.UTC));
        assertNull(FastTimes.flock("1/1/2025 11:00", ZoneOffset.UTC));
        assertNull(FastTimes.flock("01/01/2025, 11:00:00 AM CET", ZoneOffset.UTC));
        assertNull(FastTimes.iso("2025-13-01T00:00:00Z", ZoneOffset.UTC));
        assertNull(FastTimes.iso("2025-01-01T00:00:00+0800", ZoneOffset.UTC));
        assertNull(FastTimes.iso("yesterday", ZoneOffset.UTC));
    }
}
