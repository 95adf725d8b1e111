package io.packcheck.station.store;

/** Turns the pack session into text and back, so the store keeps it without knowing its shape. */
public interface SessionCodec<S> {

    String encode(S session);

    /** Reads what {@link #encode} wrote; throws {@link IllegalArgumentException} naming the problem. */
    S decode(String text);
}
