package org.queryaudit.tag;

import java.io.Serializable;
import java.util.List;

/**
 * One reason-tagging pattern (reason-tags.yaml).
 *
 * @param triggers literal lower-case substrings; the regex runs only on text holding one
 *                 (none: always runs)
 * @param unless   regexes over the same field that cancel a match (known false positives)
 * @param whole    the regex must match the whole field (vague reasons)
 * @param beneficiary the agency a match names as the one assisted, or null
 * @param purpose  the immigration purpose a match states, or null
 */
public record TagPattern(String id, String category, List<String> fields, List<String> triggers, String regex,
                         List<String> unless, boolean whole, String source, String beneficiary, String purpose)
        implements Serializable {
    public TagPattern {
        fields = List.copyOf(fields);
        triggers = List.copyOf(triggers);
        unless = List.copyOf(unless);
    }
}
