package org.queryaudit.tag;

import java.util.List;

/**
 * The tags of one query and their evidence: for each match, {@code category:pattern:field="text"}.
 */
public record Tagging(List<String> tags, List<String> evidence) {
    public static final Tagging NONE = new Tagging(List.of(), List.of());

    public Tagging {
        tags = List.copyOf(tags);
        evidence = List.copyOf(evidence);
    }
}
