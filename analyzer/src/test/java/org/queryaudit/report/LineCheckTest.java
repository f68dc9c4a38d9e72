package org.queryaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The independent line count (no Spark, no CSV reader) and the check made with it. */
class LineCheckTest {
    static InputHashes.Census census(String s) throws IOException {
        return InputHashes.census(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void physicalLinesWhateverTheLineEnds() throws IOException {
        assertEquals(0, census("").lines());
        assertEquals(1, census("h").lines());
        assertEquals(1, census("h\n").lines());
        assertEquals(2, census("h\na").lines());
        assertEquals(3, census("h\r\na\r\nb\r\n").lines(), "CRLF is one line end");
        assertEquals(3, census("h\ra\rb").lines(), "a lone CR ends a line");
        assertEquals(4, census("h\n\r\n\ra").lines(), "empty lines in every style");
        assertEquals(0, census("h\na\n").trailingBlank());
        assertEquals(2, census("h\na\n\n\n").trailingBlank());
        assertEquals(2, census("h\r\na\r\n\r\n\r\n").trailingBlank());
        assertEquals(0, census("h\n\n\na").trailingBlank(), "blank lines before a row are not at the end");
        assertEquals("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", census("test").sha256());
    }

    @Test
    void theRowsMustAccountForEveryLineAfterTheHeader() throws IOException {
        // A header, two rows of two lines each, a blank line between them and two at the end: 8 lines.
        InputHashes.Census c = census("h\n\"a\nb\"\n\n\"c\nd\"\n\n\n");
        assertEquals(8, c.lines());
        assertEquals(2, c.trailingBlank());
        assertTrue(LineCheck.of(c, 2, 5).ok(), "2 + (1 blank + 2) = 5 lines accounted");
        LineCheck lost = LineCheck.of(c, 2, 3);
        assertFalse(lost.ok());
        assertTrue(lost.warning("in/x.csv").startsWith("in/x.csv: the file has 8 physical lines"), lost.warning("in/x.csv"));
        assertTrue(lost.warning("in/x.csv").contains("2 line(s) not read into any row"), lost.warning("in/x.csv"));
        assertTrue(LineCheck.of(c, 2, 7).warning("x").contains("2 line(s) counted twice"));
    }
}
