package io.packcheck.hub.storage;

import java.time.Instant;

/** One-time station enrolment codes, by the hash of the code, and their exchange for a station token. */
public interface EnrolmentRepository {

    /**
     * Stores a new code for the station, superseding its earlier unused codes. A station not yet known
     * is registered with {@code placeholderTokenHash}, the hash of a token nobody holds, so that it is
     * listed from now on. Returns true when the station was registered by this call.
     */
    boolean issue(String stationId, String codeHash, Instant expiresAt, String placeholderTokenHash);

    /**
     * Exchanges the code for a station token in one transaction: the code is marked used, the station's
     * current token revoked and {@code newTokenHash} made its token. Nothing changes when it is refused.
     */
    Redemption redeem(String stationId, String codeHash, String newTokenHash);

    /** What became of an exchange. */
    sealed interface Redemption {

        record Redeemed(String stationId) implements Redemption {}

        /** Why the code was not taken, in words for the person setting up the station. */
        record Refused(Reason reason, String message) implements Redemption {}
    }

    /** Why a code is refused: unknown and wrong-station codes never worked; the others did once. */
    enum Reason {
        UNKNOWN,
        WRONG_STATION,
        USED,
        EXPIRED,
        SUPERSEDED
    }
}
