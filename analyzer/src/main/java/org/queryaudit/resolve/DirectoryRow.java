package org.queryaudit.resolve;

import java.io.Serializable;

/** One row of the agency directory (agencies.csv or a user's file). */
public record DirectoryRow(String kind, String key, String level, String department, String component,
                           boolean immigration, String name, String source, String origin) implements Serializable {
}
