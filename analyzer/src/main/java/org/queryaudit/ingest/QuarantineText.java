package org.queryaudit.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.queryaudit.reference.RedactionMarkers;

/**
 * A quarantined row's text as it may be shown: its sensitive cells (plates, users) replaced by
 * their column's name in brackets and its personal data masked; a row that could not be split
 * into cells is withheld whole, since its sensitive cells cannot be found. With --show-sensitive
 * the row is shown as written. Long rows are cut.
 */
final class QuarantineText {
    private final InputFile file;
    private final RedactionMarkers markers;
    private final PersonalData personal;
    /** The sensitive columns' names and their cells. */
    private final List<String> fields = new ArrayList<>();
    private final List<Integer> cells = new ArrayList<>();

    /** @param personal the personal-data masker, or null when sensitive values are shown */
    QuarantineText(FileBinding binding, RedactionMarkers markers, PersonalData personal) {
        this.file = binding.file();
        this.markers = markers;
        this.personal = personal;
        for (Map.Entry<String, Integer> e : binding.index().entrySet()) {
            ColumnSpec spec = file.profile().columns().get(e.getKey());
            if (spec != null && spec.sensitive()) {
                fields.add(spec.field());
                cells.add(e.getValue());
            }
        }
    }

    String of(CsvRecordReader r) {
        String raw = personal == null ? r.rawText() : withheld(r);
        if (raw.length() > ParsedRows.MAX_RAW_CHARS) {
            raw = raw.substring(0, ParsedRows.MAX_RAW_CHARS) + " [cut: " + raw.length() + " characters in all]";
        }
        return raw;
    }

    private String withheld(CsvRecordReader r) {
        String raw = r.rawText();
        if (r.problem() != CsvRecordReader.Problem.NONE) {
            return "[withheld: " + raw.length() + " characters that could not be split into cells, so their plate and user"
                    + " cannot be masked; --show-sensitive shows the row as written]";
        }
        List<String> row = r.fields();
        for (int k = 0; k < fields.size(); k++) {
            int at = cells.get(k);
            if (at < row.size()) {
                String cell = row.get(at).strip();
                // A header cell repeated (stacked exports) is a column name, not a value.
                boolean header = cell.equals(file.header().get(at).strip());
                if (!cell.isEmpty() && !header && !markers.isSentinel(cell) && !markers.isRedacted(cell)) {
                    raw = raw.replace(cell, "[" + fields.get(k) + "]");
                }
            }
        }
        return personal.mask(raw);
    }
}
