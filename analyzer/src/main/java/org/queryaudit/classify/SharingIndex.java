package org.queryaudit.classify;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.queryaudit.ingest.Share;
import org.queryaudit.resolve.AgencyName;

/**
 * Whom each owner explicitly shares its network with (1:1 sharing), from sharing exports.
 * Names are compared as {@link AgencyName} keys, so "[Federal]" tags and punctuation do not
 * hide a match. Small: built on the driver and shipped with the classify function.
 */
public final class SharingIndex implements Serializable {
    private final Map<String, Set<String>> recipients = new HashMap<>();
    private final Set<String> ownersKnown = new HashSet<>();

    public SharingIndex(List<Share> shares) {
        for (Share s : shares) {
            String owner = key(s.ownerAgency());
            if (s.hasSharingColumn()) {
                ownersKnown.add(owner);
                if (!s.iAmSharing().isEmpty()) {
                    recipients.computeIfAbsent(owner, k -> new HashSet<>()).add(key(s.organization()));
                }
            }
        }
    }

    static String key(String name) {
        return AgencyName.of(name).normalized();
    }

    /** Whether the owner's sharing configuration is known (an export with "Networks I'm Sharing"). */
    public boolean knows(String ownerAgency) {
        return ownersKnown.contains(key(ownerAgency));
    }

    public boolean shares(String ownerAgency, String requester) {
        Set<String> r = recipients.get(key(ownerAgency));
        return r != null && requester != null && r.contains(key(requester));
    }
}
