package io.packcheck.core.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The command barcodes a packer or supervisor scans, all starting with {@value #PREFIX}.
 *
 * <p>Every code uses only characters Code 39 can carry without Full ASCII (A-Z 0-9 - . $ / + % space),
 * so the sheet prints as Code 39 or Code 128 alike. The hub prints the command sheet from {@link #sheet()}.
 */
public final class Commands {

    public static final String PREFIX = "PCK-";
    public static final String CLEAR = "PCK-CLEAR";
    public static final String UNDO = "PCK-UNDO";
    public static final String SHORT = "PCK-SHORT";
    public static final String CANCEL = "PCK-CANCEL";
    public static final String LOGOUT = "PCK-LOGOUT";
    /** Closes the parcel being packed (label and weight as the station requires) and starts the next. */
    public static final String NEWBOX = "PCK-NEWBOX";
    /** Followed by a box type of the site's box catalogue: packs the next parcel in that box. */
    public static final String BOX = "PCK-BOX-";
    /** Followed by the badge code: logs a packer in. */
    public static final String PACKER_BADGE = "PCK-P-";
    /** Followed by the badge code: a supervisor starts an override of a lock. */
    public static final String SUPERVISOR_BADGE = "PCK-S-";
    /** Followed by a reason code: completes an override or a short. */
    public static final String REASON = "PCK-R-";

    /** Why a supervisor let a refused item stay in the box. */
    public static final List<ReasonCode> OVERRIDE_REASONS = List.of(
            new ReasonCode("SUBSTITUTE", "Approved substitute item"),
            new ReasonCode("CUSTOMER-OK", "Customer accepted it"),
            new ReasonCode("LABEL-WRONG", "Right item, wrong barcode label"),
            new ReasonCode("CHECKED", "Checked by hand: lot, serial or date is fine"),
            new ReasonCode("ORDER-OUTDATED", "Order system not yet updated"));

    /** Why the rest of an order is missing. */
    public static final List<ReasonCode> SHORT_REASONS = List.of(
            new ReasonCode("OUT-OF-STOCK", "Out of stock"),
            new ReasonCode("DAMAGED", "Damaged in stock"),
            new ReasonCode("NOT-FOUND", "Not found at the pick location"),
            new ReasonCode("SHORT-DATED", "Only short-dated stock left"));

    private Commands() {}

    /** A reason code printed as {@code PCK-R-<code>}. */
    public record ReasonCode(String code, String description) {
        public String barcode() {
            return REASON + code;
        }
    }

    /** One row of the printed command sheet. */
    public record SheetEntry(String barcode, String label, String description) {}

    /** What a command barcode asks for. */
    public sealed interface Command {
        record Clear() implements Command {}

        record Undo() implements Command {}

        record Short() implements Command {}

        record Cancel() implements Command {}

        record Logout() implements Command {}

        record NewBox() implements Command {}

        record BoxType(String code) implements Command {}

        record PackerBadge(String code) implements Command {}

        record SupervisorBadge(String code) implements Command {}

        record Reason(String code) implements Command {}

        /** Starts with the prefix but is none of the above. */
        record Unknown(String text) implements Command {}
    }

    /** Whether this scanned text is meant as a command (it starts with the prefix, in any case). */
    public static boolean isCommand(String data) {
        return data.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** The command this scanned text carries, or empty when it is not a command barcode. */
    public static Optional<Command> parse(String data) {
        if (!isCommand(data)) {
            return Optional.empty();
        }
        // Scanners in Code 39 mode without Full ASCII send upper case; typed entry may not.
        String upper = data.strip().toUpperCase(Locale.ROOT);
        String rest = data.strip().substring(PREFIX.length());
        Command command = switch (upper) {
            case CLEAR -> new Command.Clear();
            case UNDO -> new Command.Undo();
            case SHORT -> new Command.Short();
            case CANCEL -> new Command.Cancel();
            case LOGOUT -> new Command.Logout();
            case NEWBOX -> new Command.NewBox();
            default -> argument(upper, rest, data.strip());
        };
        return Optional.of(command);
    }

    private static Command argument(String upper, String rest, String text) {
        if (upper.startsWith(BOX) && upper.length() > BOX.length()) {
            return new Command.BoxType(upper.substring(BOX.length()));
        }
        String argument = rest.length() > 2 ? rest.substring(2) : "";
        if (upper.startsWith(PACKER_BADGE) && !argument.isBlank()) {
            return new Command.PackerBadge(argument);
        }
        if (upper.startsWith(SUPERVISOR_BADGE) && !argument.isBlank()) {
            return new Command.SupervisorBadge(argument);
        }
        if (upper.startsWith(REASON) && !argument.isBlank()) {
            return new Command.Reason(argument.toUpperCase(Locale.ROOT));
        }
        return new Command.Unknown(text);
    }

    /** The override reason with this code. */
    public static Optional<ReasonCode> overrideReason(String code) {
        return find(OVERRIDE_REASONS, code);
    }

    /** The short reason with this code. */
    public static Optional<ReasonCode> shortReason(String code) {
        return find(SHORT_REASONS, code);
    }

    private static Optional<ReasonCode> find(List<ReasonCode> reasons, String code) {
        return reasons.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /**
     * What the printed command sheet calls a command ("CLEAR" for {@code PCK-CLEAR}), so that the words on the
     * screen are the words under the barcode the packer looks for; a code not on the sheet is named as it is.
     */
    public static String label(String command) {
        return sheet().stream().filter(e -> e.barcode().equals(command)).map(SheetEntry::label).findFirst().orElse(command);
    }

    /** Every fixed command and reason code, in the order the printed sheet shows them. */
    public static List<SheetEntry> sheet() {
        List<SheetEntry> sheet = new ArrayList<>(List.of(
                new SheetEntry(CLEAR, "CLEAR", "I took the refused item out of the box"),
                new SheetEntry(UNDO, "UNDO", "Take back the last accepted scan (the item comes out)"),
                new SheetEntry(SHORT, "SHORT", "The rest is missing: then scan a short reason"),
                new SheetEntry(CANCEL, "CANCEL", "Stop packing this order; everything goes back"),
                new SheetEntry(LOGOUT, "LOG OUT", "Packer logs out"),
                new SheetEntry(NEWBOX, "NEW BOX", "Close this parcel (label, weight); the next one starts if items are left")));
        for (ReasonCode reason : SHORT_REASONS) {
            sheet.add(new SheetEntry(reason.barcode(), "SHORT: " + reason.code(), reason.description()));
        }
        for (ReasonCode reason : OVERRIDE_REASONS) {
            sheet.add(new SheetEntry(reason.barcode(), "OVERRIDE: " + reason.code(), reason.description()));
        }
        return List.copyOf(sheet);
    }
}
