package io.packcheck.station.screen;

/** Where a typed code came from: it decides what the code may do (an enrolment only from the station itself). */
public enum TypedFrom {
    /** The packer screen opened on the station itself (a loopback client). */
    LOOPBACK_SCREEN,
    /** A packer screen opened from another computer that presented the screen secret. */
    REMOTE_SCREEN
}
