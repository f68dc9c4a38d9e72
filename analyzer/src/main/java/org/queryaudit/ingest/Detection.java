package org.queryaudit.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * How a profile recognises a file.
 *
 * @param required headers that must all be present
 * @param filename optional regular expression over the file name that prefers this profile
 *                 among profiles whose headers match (network versus organisation audits)
 * @param priority breaks the remaining ties; higher wins
 */
public record Detection(List<String> required, String filename, int priority) implements Serializable {
    public Detection {
        required = List.copyOf(required);
    }
}
