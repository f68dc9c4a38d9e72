package org.queryaudit.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * Where one canonical column comes from in an export.
 *
 * @param field     the canonical column it fills (occurred_at, reason, ...)
 * @param headers   header names that carry it, in order of preference (compared as {@link HeaderKey})
 * @param type      how the text is read
 * @param required  a row without a value is quarantined
 * @param sensitive holds a plate, licence number or user name: never copied into free-form outputs
 * @param extract   optional regular expression; its first group is the value (else the whole cell)
 */
public record ColumnSpec(String field, List<String> headers, ValueType type, boolean required,
                         boolean sensitive, String extract) implements Serializable {
    public ColumnSpec {
        headers = List.copyOf(headers);
    }
}
