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

    /** Sends the bad-scan command after a mismatch; true when one was sent. */
    public boolean after(Verdict verdict) {
        if (verdict.isMismatch() && badScan.isPresent()) {
            return scanner.send(badScan.get());
        }
        return false;
    }
}
