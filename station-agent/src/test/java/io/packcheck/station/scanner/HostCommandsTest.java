package io.packcheck.station.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.verify.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HostCommandsTest {

    /** A scanner that keeps what the station sent it. */
    private static final class SentCommands implements Scanner {
        final List<byte[]> sent = new ArrayList<>();

        @Override
        public void start(ScanListener listener) {
        }

        @Override
        public ScannerState state() {
            return new ScannerState.Connected("test");
        }

        @Override
        public boolean send(byte[] hostCommand) {
            return sent.add(hostCommand.clone());
        }

        @Override
        public void close() {
        }
    }

    @Test
    void sendsTheBadScanCommandOnAMismatchOnly() {
        SentCommands scanner = new SentCommands();
        HostCommands commands = new HostCommands(scanner, Optional.of(new byte[] {0x16, 'M', 0x0D}));

        boolean afterMatch = commands.after(Verdict.MATCH);
        boolean afterWrongItem = commands.after(Verdict.WRONG_ITEM);

        assertThat(afterMatch).isFalse();
        assertThat(afterWrongItem).isTrue();
        assertThat(scanner.sent).containsExactly(new byte[] {0x16, 'M', 0x0D});
    }

    @ParameterizedTest
    @EnumSource(value = Verdict.class, names = {"WRONG_ITEM", "OVER_QUANTITY", "EXPIRED", "SHELF_LIFE_TOO_SHORT",
        "DUPLICATE_SERIAL", "LOT_REQUIRED", "SERIAL_REQUIRED", "LOCKED", "ORDER_BLOCKED", "LABEL_MISMATCH", "WEIGHT_MISMATCH"})
    void sendsTheBadScanCommandForEveryScanTheTowerRefusesInRed(Verdict verdict) {
        SentCommands scanner = new SentCommands();

        boolean sent = new HostCommands(scanner, Optional.of(new byte[] {0x07})).after(verdict);

        assertThat(sent).isTrue();
        assertThat(scanner.sent).containsExactly(new byte[] {0x07});
    }

    @ParameterizedTest
    @EnumSource(value = Verdict.class, mode = EnumSource.Mode.EXCLUDE, names = {"WRONG_ITEM", "OVER_QUANTITY", "EXPIRED",
        "SHELF_LIFE_TOO_SHORT", "DUPLICATE_SERIAL", "LOT_REQUIRED", "SERIAL_REQUIRED", "LOCKED", "ORDER_BLOCKED",
        "LABEL_MISMATCH", "WEIGHT_MISMATCH"})
    void sendsNothingForAScanThatIsNotRefusedInRed(Verdict verdict) {
        SentCommands scanner = new SentCommands();

        boolean sent = new HostCommands(scanner, Optional.of(new byte[] {0x07})).after(verdict);

        assertThat(sent).isFalse();
        assertThat(scanner.sent).isEmpty();
    }

    @Test
    void sendsNothingWhenTheProfileHasNoCommand() {
        SentCommands scanner = new SentCommands();

        boolean sent = new HostCommands(scanner, Optional.empty()).after(Verdict.OVER_QUANTITY);

        assertThat(sent).isFalse();
        assertThat(scanner.sent).isEmpty();
    }
}
