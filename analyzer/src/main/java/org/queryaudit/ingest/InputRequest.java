package org.queryaudit.ingest;

/**
 * One path the user asked to read, with what they said about it (each may be null).
 *
 * @param path       a file or folder to open (a URI, or a path from the working folder)
 * @param display    the same path as outputs name it: as the user wrote it, stable across machines
 * @param format     auto (null), a profile id, or a profile YAML file
 * @param owner      the owner agency
 * @param ownerState the owner's two-letter state
 * @param basis      where these came from: "--input", "--sharing", or the inputs list and its line
 * @param sharing    whether the user named it a sharing export
 */
public record InputRequest(String path, String display, String format, String owner, String ownerState, String basis,
                           boolean sharing) {
    /** A path given on the command line: opened and named as written. */
    public static InputRequest given(String path, String format, boolean sharing) {
        return new InputRequest(path, path, format, null, null, sharing ? "--sharing" : "--input", sharing);
    }
}

