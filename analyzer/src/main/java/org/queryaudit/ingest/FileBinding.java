package org.queryaudit.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A profile applied to one file's header: for each canonical column, the index of the
 * header cell that fills it (the first alias present wins), and the header cells no
 * canonical column takes. Built once per file on the driver, shipped with its slices.
 */
public record FileBinding(InputFile file, Map<String, Integer> index, Map<Integer, String> unmapped,
                          List<String> headerKeys) implements Serializable {

    public static FileBinding of(InputFile file) {
        List<String> keys = file.header().stream().map(HeaderKey::of).toList();
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Integer> used = new ArrayList<>();
        for (ColumnSpec spec : file.profile().columns().values()) {
            for (String h : spec.headers()) {
                int i = keys.indexOf(HeaderKey.of(h));
                if (i >= 0 && !used.contains(i)) {
                    index.put(spec.field(), i);
                    used.add(i);
                    break;
                }
            }
        }
        Map<Integer, String> unmapped = new LinkedHashMap<>();
        for (int i = 0; i < file.header().size(); i++) {
            if (!used.contains(i) && !keys.get(i).isEmpty()) {
                unmapped.put(i, file.header().get(i).strip());
            }
        }
        return new FileBinding(file, index, unmapped, keys);
    }

    /** Required canonical columns whose header is absent, with the headers that would do. */
    public List<String> missingRequired() {
        List<String> missing = new ArrayList<>();
        for (ColumnSpec spec : file.profile().columns().values()) {
            if (spec.required() && !index.containsKey(spec.field())) {
                missing.add(spec.field() + " (one of " + spec.headers() + ")");
            }
        }
        return missing;
    }
}
