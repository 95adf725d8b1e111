package io.packcheck.station.lights;

/**
 * Where one output is wired.
 *
 * @param bcm       the Broadcom GPIO number (not the header pin number)
 * @param activeLow true when the board switches on with a low level, as most opto-isolated relay boards do
 */
public record OutputPin(int bcm, boolean activeLow) {

    public OutputPin {
        if (bcm < 2 || bcm > 27) {
            throw new IllegalArgumentException("bcm must be a header GPIO between 2 and 27, was " + bcm);
        }
    }
}
