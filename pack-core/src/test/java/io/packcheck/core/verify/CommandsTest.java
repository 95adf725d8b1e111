package io.packcheck.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.verify.Commands.Command;
import io.packcheck.core.verify.Commands.SheetEntry;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandsTest {

    @Test
    void readsEveryCommand() {
        assertThat(Commands.parse("PCK-CLEAR")).contains(new Command.Clear());
        assertThat(Commands.parse("PCK-UNDO")).contains(new Command.Undo());
        assertThat(Commands.parse("PCK-SHORT")).contains(new Command.Short());
        assertThat(Commands.parse("PCK-CANCEL")).contains(new Command.Cancel());
        assertThat(Commands.parse("PCK-LOGOUT")).contains(new Command.Logout());
        assertThat(Commands.parse("PCK-P-A17")).contains(new Command.PackerBadge("A17"));
        assertThat(Commands.parse("PCK-S-b9")).contains(new Command.SupervisorBadge("b9"));
        assertThat(Commands.parse("pck-r-damaged")).contains(new Command.Reason("DAMAGED"));
        assertThat(Commands.parse("PCK-P-")).contains(new Command.Unknown("PCK-P-"));
        assertThat(Commands.parse("SO-1234")).isEqualTo(Optional.empty());
    }

    @Test
    void everySheetCodeIsCode39SafeAndUnique() {
        var sheet = Commands.sheet();

        assertThat(sheet).extracting(SheetEntry::barcode).allMatch(c -> c.matches("[A-Z0-9\\-. $/+%]+")).doesNotHaveDuplicates();
        assertThat(sheet).extracting(SheetEntry::barcode)
                .contains("PCK-CLEAR", "PCK-UNDO", "PCK-SHORT", "PCK-CANCEL", "PCK-LOGOUT", "PCK-R-OUT-OF-STOCK", "PCK-R-SUBSTITUTE");
        assertThat(sheet).allSatisfy(e -> assertThat(Commands.parse(e.barcode())).isPresent()
                .get().isNotInstanceOf(Command.Unknown.class));
    }
}
