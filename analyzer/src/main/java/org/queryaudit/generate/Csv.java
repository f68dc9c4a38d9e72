package org.queryaudit.generate;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A minimal RFC 4180 writer for generated exports: quotes a cell only when it must, like the vendors do. */
final class Csv implements Closeable {
    private final OutputStream out;
    private final boolean quoteAll;

    private Csv(OutputStream out, boolean quoteAll) {
        this.out = out;
        this.quoteAll = quoteAll;
    }

    static Csv open(Path file) throws IOException {
        return open(file, false);
    }

    /** @param quoteAll quote every cell, as the Flock portal's download does */
    static Csv open(Path file, boolean quoteAll) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return new Csv(new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16), quoteAll);
    }

    void row(List<String> cells) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String c = cells.get(i) == null ? "" : cells.get(i);
            boolean quote = quoteAll || c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0
                    || c.indexOf('\r') >= 0;
            if (quote) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        b.append('\n');
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a line exactly as given (a damaged row, a stacked header). */
    void raw(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Damage planted after the n-th data row: what real exports contain. */
    interface Quirks {
        Quirks NONE = (n, out, header, cells) -> { };

        void after(int n, Csv out, List<String> header, List<String> cells) throws IOException;
    }
}
