package org.queryaudit.tag;

import java.util.List;

/**
 * The tags of one query and their evidence (for each match, {@code category:pattern:field="text"}),
 * and what its reason says of who is assisted and what for.
 */
public record Tagging(List<String> tags, List<String> evidence, PurposeReading reading) {
    public static final Tagging NONE = new Tagging(List.of(), List.of(), PurposeReading.NONE);

    public Tagging {
        tags = List.copyOf(tags);
        evidence = List.copyOf(evidence);
    }
}
