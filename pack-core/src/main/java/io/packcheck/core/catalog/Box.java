package io.packcheck.core.catalog;

/**
 * A box type of the site's box catalogue, scanned as {@code PCK-BOX-<code>} to start a parcel in it.
 *
 * @param code       what follows {@code PCK-BOX-}: letters, digits and dashes
 * @param tareGrams  the empty box's weight, packing material included
 * @param innerLengthMm inner size in millimetres (length, width, height); 0 where the catalogue does not say
 */
public record Box(String code, String name, double tareGrams, int innerLengthMm, int innerWidthMm, int innerHeightMm) {

    public Box {
        if (code == null || !code.matches("[A-Z0-9][A-Z0-9-]{0,31}")) {
            throw new IllegalArgumentException("box code '" + code + "' must be 1 to 32 upper-case letters, digits or dashes");
        }
        if (!(tareGrams >= 0) || Double.isInfinite(tareGrams)) {
            throw new IllegalArgumentException("box " + code + ": tareGrams must be 0 or more, got " + tareGrams);
        }
        if (innerLengthMm < 0 || innerWidthMm < 0 || innerHeightMm < 0) {
            throw new IllegalArgumentException("box " + code + ": inner sizes must be 0 or more");
        }
        name = name == null || name.isBlank() ? code : name;
    }
}
