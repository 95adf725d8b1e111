package io.packcheck.station.scale;

/** What the packer screen says when a scale gives no weight; each says what to do. */
final class Trouble {

    static final String OVERLOADED = "the scale is overloaded: take the weight off";
    static final String UNDERLOADED = "the scale reads below zero: clear it and press ZERO";
    static final String NOT_ANSWERING = "the scale does not answer: check its cable and that it is switched on";
    static final String UNREADABLE =
            "the scale's answers cannot be read: check the scale profile and the scale's serial settings";
    static final String NOT_ZEROED = "the scale has not found zero since it was switched on: clear it and press ZERO";
    static final String DEVICE_FAULT = "the scale reports a fault (%s): switch it off and on; call service if it stays";

    private Trouble() {
    }

    static String notConnected(String why) {
        return "the scale is not connected (" + why + "): check its cable and power";
    }
}
