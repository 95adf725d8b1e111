package io.packcheck.hub.print;

/**
 * One command barcode for the command sheet.
 *
 * @param label what the packer reads next to the barcode, e.g. "Clear (took the wrong item out)"
 * @param code  what the barcode carries, e.g. {@code PCK-CLEAR} or {@code PCK-R-DAMAGED}
 */
public record CommandCode(String label, String code) {
    public CommandCode {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("command label is empty (code " + code + ")");
        }
        if (code == null || !code.startsWith("PCK-")) {
            throw new IllegalArgumentException("command '" + label + "': code '" + code + "' must start with PCK-");
        }
    }
}
