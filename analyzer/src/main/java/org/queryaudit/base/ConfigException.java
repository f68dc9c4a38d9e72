package org.queryaudit.base;

/**
 * A user-fixable problem with configuration or inputs: the message names the file, the row
 * or rule, the field, and what to do. The CLI prints it as one line and exits non-zero
 * before anything is written.
 */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
