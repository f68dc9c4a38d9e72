package org.queryaudit.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * One export to read, as planned on the driver: where it is, how it is read, and whose data
 * it holds.
 *
 * @param index       position in the run's input list
 * @param uri         absolute location (file:, hdfs:, s3a:) that executors open
 * @param displayPath the path as the user gave it: what outputs call {@code source_file}
 * @param profile     the format profile that reads it; null for an empty file
 * @param formatBasis how the profile was chosen (detected, --format, inputs list)
 * @param ownerAgency whose data (null when the profile takes it per row from a column)
 * @param ownerState  the owner's state (null when per row)
 * @param ownerBasis  how the owner was known (file name, inputs list, --owner, destination column)
 * @param header      the header cells as written
 * @param delimiter   the cell separator found in the header
 * @param dataOffset  byte offset of the first data row (after the BOM and header)
 * @param dataLine    physical line number of the first data row
 * @param size        file size in bytes
 */
public record InputFile(int index, String uri, String displayPath, FormatProfile profile, String formatBasis,
                        String ownerAgency, String ownerState, String ownerBasis, List<String> header,
                        byte delimiter, long dataOffset, long dataLine, long size) implements Serializable {
    public InputFile {
        header = List.copyOf(header);
    }

    public boolean isEmpty() {
        return profile == null;
    }

    public String formatId() {
        return profile == null ? "none (empty file)" : profile.id();
    }
}
