package io.packcheck.station.scale;

import java.util.Locale;

/** The serial protocols PackCheck speaks with scales, by their name in the hardware profiles. */
public enum ScaleProtocol {
    /** Mettler Toledo Standard Interface Command Set: the station asks {@code S}, the scale answers {@code S S 123.4 g}. */
    MT_SICS,
    /** Mettler Toledo Standard Continuous output: the scale streams STX-framed status and weight, unasked. */
    TOLEDO_CONTINUOUS,
    /** The NCI (Avery Weigh-Tronix SCP-01) protocol of shipping scales: the station asks {@code W}. */
    NCI;

    /** The name in profiles and on the command line, e.g. {@code mt-sics}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * A fresh driver for this protocol.
     *
     * @param checksum for {@link #TOLEDO_CONTINUOUS}: whether every frame ends with a checksum byte
     */
    ScaleDriver newDriver(boolean checksum) {
        return switch (this) {
            case MT_SICS -> new MtSicsDriver();
            case TOLEDO_CONTINUOUS -> new ToledoContinuousDriver(checksum);
            case NCI -> new NciDriver();
        };
    }
}
