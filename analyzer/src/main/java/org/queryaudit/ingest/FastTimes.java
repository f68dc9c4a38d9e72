package org.queryaudit.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Hand-written readers for the two timestamp shapes that fill real exports, used only when
 * the profile lists that shape: Flock's "MM/DD/YYYY, hh:mm:ss AM UTC" and ISO 8601. They
 * return null for anything else, and the
 * profile's java.time formats decide. java.time's resolver is most of the cost of a row.
 */
final class FastTimes {
    

    private FastTimes() {
    }

    /**
     * "9/9/2025, 9:05:01 AM UTC", "01/31/2022, 11:26:24 PM UTC" (the comma and " UTC"
     * optional); without " UTC" the time is in {@code zone}.
     */
    static Instant flock(String s, ZoneId zone) {
        int[] p = {0};
        int month = digits(s, p, 1, 2);
        if (month < 0 || !expect(s, p, '/')) {
            return null;
        }
        int day = digits(s, p, 1, 2);
        if (day < 0 || !expect(s, p, '/')) {
            return null;
        }
        int year = digits(s, p, 4, 4);
        if (year < 0) {
            return null;
        }
        if (p[0] < s.length() && s.charAt(p[0]) == ',') {
            p[0]++;
        }
        if (!expect(s, p, ' ')) {
            return null;
        }
        int hour = digits(s, p, 1, 2);
        if (hour < 1 || hour > 12 || !expect(s, p, ':')) {
            return null;
        }
        int minute = digits(s, p, 2, 2);
        if (minute < 0 || minute > 59 || !expect(s, p, ':')) {
            return null;
        }
        int second = digits(s, p, 2, 2);
        if (second < 0 || second > 59 || !expect(s, p, ' ') || p[0] + 2 > s.length()) {
            return null;
        }
        char a = Character.toUpperCase(s.charAt(p[0]));
        char m = Character.toUpperCase(s.charAt(p[0] + 1));
        if ((a != 'A' && a != 'P') || m != 'M') {
            return null;
        }
        p[0] += 2;
        int rest = s.length() - p[0];
        if (rest != 0 && !(rest == 4 && s.regionMatches(true, p[0], " UTC", 0, 4))) {
            return null;
        }
        int h24 = hour % 12 + (a == 'P' ? 12 : 0);
        return millis(year, month, day, h24, minute, second, 0, rest == 0 ? zone : ZoneOffset.UTC);
    }

    /** "2025-06-18 00:02:04.789", "2026-03-10T04:31:52.901Z", "2025-11-20T10:15:00-08:00". */
    static Instant iso(String s, ZoneId zone) {
        int[] p = {0};
        int year = digits(s, p, 4, 4);
        if (year < 0 || !expect(s, p, '-')) {
            return null;
        }
        int month = digits(s, p, 2, 2);
        if (month < 0 || !expect(s, p, '-')) {
            return null;
        }
        int day = digits(s, p, 2, 2);
        if (day < 0 || p[0] >= s.length() || (s.charAt(p[0]) != 'T' && s.charAt(p[0]) != ' ')) {
            return null;
        }
        p[0]++;
        int hour = digits(s, p, 2, 2);
        if (hour < 0 || hour > 23 || !expect(s, p, ':')) {
            return null;
        }
        int minute = digits(s, p, 2, 2);
        if (minute < 0 || minute > 59 || !expect(s, p, ':')) {
            return null;
        }
        int second = digits(s, p, 2, 2);
        if (second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (p[0] < s.length() && s.charAt(p[0]) == '.') {
            p[0]++;
            int start = p[0];
            while (p[0] < s.length() && Character.isDigit(s.charAt(p[0])) && p[0] - start < 9) {
                nanos = nanos * 10 + (s.charAt(p[0]) - '0');
                p[0]++;
            }
            if (p[0] == start) {
                return null;
            }
            for (int i = p[0] - start; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (p[0] == s.length()) {
            return millis(year, month, day, hour, minute, second, nanos, zone);
        }
        String rest = s.substring(p[0]);
        if (rest.equals("Z")) {
            return millis(year, month, day, hour, minute, second, nanos, ZoneOffset.UTC);
        }
        if (rest.length() == 6 && (rest.charAt(0) == '+' || rest.charAt(0) == '-') && rest.charAt(3) == ':') {
            int[] q = {1};
            int oh = digits(rest, q, 2, 2);
            q[0]++;
            int om = digits(rest, q, 2, 2);
            if (oh < 0 || om < 0 || oh > 18) {
                return null;
            }
            int sign = rest.charAt(0) == '-' ? -1 : 1;
            return millis(year, month, day, hour, minute, second, nanos, ZoneOffset.ofTotalSeconds(sign * (oh * 3600 + om * 60)));
        }
        return null;
    }

    private static Instant millis(int y, int mo, int d, int h, int mi, int s, int nanos, ZoneId zone) {
        try {
            if (zone instanceof ZoneOffset offset) {
                // A fixed offset needs no zone rules: the seconds are counted directly.
                long day = LocalDate.of(y, mo, d).toEpochDay();
                return Instant.ofEpochSecond(day * 86_400 + h * 3_600L + mi * 60L + s - offset.getTotalSeconds(), nanos);
            }
            return LocalDate.of(y, mo, d).atTime(h, mi, s, nanos).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int[] p, int min, int max) {
        int v = 0;
        int n = 0;
        while (p[0] < s.length() && n < max && s.charAt(p[0]) >= '0' && s.charAt(p[0]) <= '9') {
            v = v * 10 + (s.charAt(p[0]) - '0');
            p[0]++;
            n++;
        }
        return n >= min ? v : -1;
    }

    private static boolean expect(String s, int[] p, char c) {
        if (p[0] < s.length() && s.charAt(p[0]) == c) {
            p[0]++;
            return true;
        }
        return false;
    }
}
