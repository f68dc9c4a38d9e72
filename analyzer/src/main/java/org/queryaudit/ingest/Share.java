package org.queryaudit.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * One row of an owner's sharing configuration: an organisation, the networks it shares with
 * the owner, and the owner's networks it receives (empty when the export lacks the column).
 */
public record Share(String ownerAgency, String ownerState, String organization, List<String> sharedWithMe,
                    List<String> iAmSharing, boolean hasSharingColumn, String sourceFile, long sourceLine)
        implements Serializable {
    public Share {
        sharedWithMe = List.copyOf(sharedWithMe);
        iAmSharing = List.copyOf(iAmSharing);
    }
}
