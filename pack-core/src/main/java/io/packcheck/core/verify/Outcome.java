package io.packcheck.core.verify;

import java.util.List;
import java.util.Optional;

/**
 * What the rules decided for one scan or order change.
 *
 * @param verdict the answer to signal (lights, buzzer, screen colour)
 * @param session the session after the scan; store it before signalling, so a crash loses nothing
 * @param events  what happened, for the outbox, in order
 * @param message plain words for the packer screen, saying what to do next when something is wrong
 * @param sku     the SKU (order line) the scan affected, for the screen to highlight
 */
public record Outcome(Verdict verdict, PackSession session, List<PackEvent> events, String message, Optional<String> sku) {

    public Outcome {
        events = List.copyOf(events);
    }
}
