package org.queryaudit.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimestampReaderTest {
    /** The formats of the shipped Flock network-audit profile. */
    private final TimestampReader flock = new TimestampReader(
            ProfileCatalog.builtIn().byId("flock-network-audit").timestampFormats(), "UTC");

    @Test
    void flockSearchTimePaddedOrNot() {
        assertEquals(Instant.parse("2022-01-31T23:26:24Z"), flock.read("01/31/2022, 11:26:24 PM UTC"));
        assertEquals(Instant.parse("2025-09-09T09:05:01Z"), flock.read("9/9/2025, 9:05:01 AM UTC"));
        assertEquals(Instant.parse("2025-09-09T00:05:01Z"), flock.read("9/9/2025, 12:05:01 am UTC"));
    }

    @Test
    void impossibleDatesAreRefusedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> flock.read("9/9/9999, 12:00:00 AM UTC"));
        assertTrue(e.getMessage().contains("9/9/9999"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> flock.read("13/45/2025, 11:00:00 AM UTC"));
        assertThrows(IllegalArgumentException.class, () -> flock.read("yesterday"));
    }

    @Test
    void timeFrameOnTwoLinesOrWithTo() {
        Instant a = Instant.parse("2025-01-01T03:00:20Z");
        Instant b = Instant.parse("2025-01-01T09:00:20Z");
        assertArrayEquals(new Instant[] {a, b}, flock.readRange("01/01/2025, 03:00:20 AM UTC\n01/01/2025, 09:00:20 AM UTC"));
        assertArrayEquals(new Instant[] {a, b}, flock.readRange("01/01/2025, 03:00:20 AM UTC\r\n01/01/2025, 09:00:20 AM UTC"));
        assertArrayEquals(new Instant[] {a, b}, flock.readRange("01/01/2025, 03:00:20 AM UTC to 01/01/2025, 09:00:20 AM UTC"));
        assertThrows(IllegalArgumentException.class, () -> flock.readRange("01/01/2025, 03:00:20 AM UTC"));
    }

    @Test
    void offsetsAreHonouredAndLocalTimesTakeTheProfileZone() {
        TimestampReader nlets = new TimestampReader(ProfileCatalog.builtIn().byId("nlets-message-log").timestampFormats(), "UTC");
        assertEquals(Instant.parse("2025-11-20T18:15:00Z"), nlets.read("2025-11-20T10:15:00-08:00"));
        TimestampReader portal = new TimestampReader(ProfileCatalog.builtIn().byId("flock-portal").timestampFormats(), "UTC");
        assertEquals(Instant.parse("2025-06-18T00:02:04.789Z"), portal.read("2025-06-18 00:02:04.789"));
        assertEquals(Instant.parse("2026-03-10T04:31:52.901Z"), portal.read("2026-03-10T04:31:52.901Z"));
        TimestampReader chicago = new TimestampReader(List.of("yyyy-MM-dd HH:mm"), "America/Chicago");
        assertEquals(Instant.parse("2025-07-01T17:00:00Z"), chicago.read("2025-07-01 12:00"));
    }
}
