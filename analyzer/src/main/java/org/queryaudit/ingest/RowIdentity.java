package org.queryaudit.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.queryaudit.base.Sha256;
import org.queryaudit.model.QueryEvent;

/**
 * A mapped row's identity: its {@code event_id} (a SHA-256 of the owner and the export's own id,
 * else of the row's content, so that the same row read twice is known as a duplicate) and its
 * {@code search_id} (the search it belongs to, DESIGN.md). One per task; not thread-safe.
 */
final class RowIdentity {
    private static final int I_EVENT_ID = at(QueryEvent.EVENT_ID);
    private static final int I_EXPORT_ID = at(QueryEvent.EXPORT_ID);
    private static final int I_OWNER_AGENCY = at(QueryEvent.OWNER_AGENCY);
    private static final int I_REDACTED = at(QueryEvent.REDACTED_FIELDS);
    /** The columns whose values make a row without an export id. */
    private static final int[] CONTENT = {at(QueryEvent.REQUESTER_NAME), at(QueryEvent.REQUESTER_ORI),
        at(QueryEvent.REQUESTER_USER), at(QueryEvent.OCCURRED_AT), at(QueryEvent.QUERY_TYPE), at(QueryEvent.REASON),
        at(QueryEvent.CASE_NUMBER), at(QueryEvent.OFFENSE_TYPE), at(QueryEvent.TARGET), at(QueryEvent.NETWORKS_SEARCHED),
        at(QueryEvent.DEVICES_SEARCHED), at(QueryEvent.TIME_FRAME_START), at(QueryEvent.TIME_FRAME_END),
        at(QueryEvent.LEGAL_PROCESS)};

    private final MessageDigest sha = Sha256.newDigest();
    private final List<String> key;
    /** Slots of the format's search key columns. */
    private final int[] searchKey;
    private byte[] scratch = new byte[256];

    RowIdentity(List<String> searchKey) {
        this.key = List.copyOf(searchKey);
        this.searchKey = searchKey.stream().mapToInt(RowIdentity::at).toArray();
    }

    private static int at(String column) {
        return ParsedRows.SCHEMA.fieldIndex(column);
    }

    /**
     * The search a row belongs to, prefixed by how it was linked: {@code k:} the format's search
     * key (every key column present and unredacted), {@code x:} the export's own search id,
     * {@code r:} none, the row is a search of its own. Never includes the owner: one search
     * reaches many owners.
     */
    String searchId(Object[] v) {
        scala.collection.Seq<?> redacted = (scala.collection.Seq<?>) v[I_REDACTED];
        boolean whole = !key.isEmpty();
        for (int i = 0; whole && i < key.size(); i++) {
            whole = v[searchKey[i]] != null && !redacted.contains(key.get(i));
        }
        if (whole) {
            add("search");
            for (int slot : searchKey) {
                add(v[slot]);
            }
            return "k:" + HexFormat.of().formatHex(sha.digest(), 0, 12);
        }
        String exportId = (String) v[I_EXPORT_ID];
        if (exportId != null && !redacted.contains(QueryEvent.EXPORT_ID)) {
            return "x:" + exportId;
        }
        return "r:" + v[I_EVENT_ID];
    }

    String eventId(Object[] v) {
        // digest() leaves the engine reset: resetting again here cost a twentieth of the pass.
        String exportId = (String) v[I_EXPORT_ID];
        // The same search appears in several owners' network audits: an id is per owner.
        add(v[I_OWNER_AGENCY]);
        if (exportId != null && !((scala.collection.Seq<?>) v[I_REDACTED]).contains(QueryEvent.EXPORT_ID)) {
            add("id");
            add(exportId);
        } else {
            for (int i : CONTENT) {
                add(v[i]);
            }
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 12);
    }


    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private final java.nio.ByteBuffer number = java.nio.ByteBuffer.allocate(12);

    private void add(Object o) {
        if (o instanceof Instant t) {
            // Instants and counts as their binary value: formatting them as text cost more than the hash.
            number.clear();
            sha.update(number.putLong(t.getEpochSecond()).putInt(t.getNano()).array(), 0, 12);
        } else if (o instanceof Long n) {
            number.clear();
            sha.update(number.putLong(n).array(), 0, 8);
        } else {
            String text = o == null ? "\u0000" : o.toString();
            if (!ascii(text)) {
                sha.update(text.getBytes(StandardCharsets.UTF_8));
            } else {
                // ASCII is its own UTF-8: copied into one reused buffer instead of a new array per value.
                if (scratch.length < text.length()) {
                    scratch = new byte[Math.max(text.length(), scratch.length * 2)];
                }
                text.getBytes(0, text.length(), scratch, 0);
                sha.update(scratch, 0, text.length());
            }
        }
        sha.update((byte) 0x1f);
    }
}
