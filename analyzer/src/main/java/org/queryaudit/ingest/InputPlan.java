package org.queryaudit.ingest;

import java.util.List;

/** The files a run reads: query-event exports and sharing configurations, plus warnings for the manifest. */
public record InputPlan(List<InputFile> events, List<InputFile> sharing, List<String> warnings) {
    public InputPlan {
        events = List.copyOf(events);
        sharing = List.copyOf(sharing);
        warnings = List.copyOf(warnings);
    }

    public List<InputFile> all() {
        java.util.ArrayList<InputFile> all = new java.util.ArrayList<>(events);
        all.addAll(sharing);
        all.sort(java.util.Comparator.comparingInt(InputFile::index));
        return all;
    }
}
