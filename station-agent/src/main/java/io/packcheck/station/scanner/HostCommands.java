package io.packcheck.station.scanner;

import io.packcheck.core.verify.Verdict;
import java.util.Optional;

/** Sends the scanner profile's commands back to the handheld, so the packer hears a mismatch at the scanner too. */
public final class HostCommands {

    private final Scanner scanner;
    private final Optional<byte[]> badScan;

    public HostCommands(Scanner scanner, Optional<byte[]> badScan) {
        this.scanner = scanner;
        this.badScan = badScan.map(byte[]::clone);
    }

    /**
     * Sends the bad-scan command after every verdict the tower answers with red and the buzzer (a mismatch, an
     * item refused while the session is locked, a blocked order), so the handheld never only good-read beeps
     * for a scan that was not counted; true when one was sent.
     */
    public boolean after(Verdict verdict) {
        boolean refusedInRed = verdict.isMismatch() || verdict == Verdict.LOCKED || verdict == Verdict.ORDER_BLOCKED;
        return refusedInRed && badScan();
    }

    /** Sends the bad-scan command now; true when the profile has one and it was sent. */
    public boolean badScan() {
        return badScan.isPresent() && scanner.send(badScan.get());
    }
}
