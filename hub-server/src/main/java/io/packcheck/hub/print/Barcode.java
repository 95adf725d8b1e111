package io.packcheck.hub.print;

import com.google.zxing.common.BitMatrix;

/**
 * One barcode symbol as a grid of modules, without its quiet zone; {@link BarcodePng} and
 * {@link BarcodeSvg} draw it. Made by {@link Barcodes}.
 *
 * @param kind    the symbology, which fixes the quiet zone and whether text goes under it
 * @param content the text the scanner will read
 * @param modules dark modules; one row for a linear code
 */
public record Barcode(Kind kind, String content, BitMatrix modules) {

    /** The symbologies PackCheck prints. */
    public enum Kind {
        /** Order ids, badges and commands: every handheld scanner reads it by default. */
        CODE_128(10, true),
        /** The station enrolment code: too long for a linear code. */
        QR(4, false);

        private final int quietZoneModules;
        private final boolean humanReadable;

        Kind(int quietZoneModules, boolean humanReadable) {
            this.quietZoneModules = quietZoneModules;
            this.humanReadable = humanReadable;
        }

        /** Blank modules each side the symbology requires: 10 for Code 128 (ISO/IEC 15417), 4 for QR (ISO/IEC 18004). */
        public int quietZoneModules() {
            return quietZoneModules;
        }

        /** Whether the content is printed as text under the symbol. */
        public boolean humanReadable() {
            return humanReadable;
        }

        /** Whether the symbol is one row of bars stretched to a height. */
        public boolean linear() {
            return this == CODE_128;
        }
    }

    public Barcode {
        // BitMatrix is mutable; a drawn barcode must not change under the renderer
        modules = modules.clone();
    }

    @Override
    public BitMatrix modules() {
        return modules.clone();
    }

    public boolean dark(int x, int y) {
        return modules.get(x, y);
    }

    /** Modules across, quiet zones included. */
    public int widthWithQuietZone() {
        return modules.getWidth() + 2 * kind.quietZoneModules();
    }

    /**
     * Bar height of a linear code in modules: at least 15% of its width (the usual print guidance) and
     * at least 40 modules, so a handheld scanner aimed a little off still crosses every bar.
     */
    public int barHeightModules() {
        if (!kind.linear()) {
            return modules.getHeight();
        }
        return Math.max(40, (int) Math.ceil(0.15 * widthWithQuietZone()));
    }
}
