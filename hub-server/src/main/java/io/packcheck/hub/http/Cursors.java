package io.packcheck.hub.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque cursors: clients keep and send them back but must not build them, so the hub can change what
 * is inside (today a sequence number with a kind letter) without breaking anyone.
 */
final class Cursors {

    private Cursors() {}

    static String encode(char kind, long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((kind + "1:" + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** The sequence number inside, or 0 for no cursor; a 400 naming the field for anything else. */
    static long decode(char kind, Optional<String> cursor, String field) {
        if (cursor.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.get()), StandardCharsets.US_ASCII);
            if (text.startsWith(kind + "1:")) {
                long seq = Long.parseLong(text.substring(3));
                if (seq >= 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ApiError.badRequest(field, field + " is not a cursor this hub handed out");
    }
}
