package io.packcheck.station.runtime;

import io.packcheck.station.hub.HubLink;
import io.packcheck.station.hub.LinkState;
import io.packcheck.station.screen.ScreenView;
import java.util.Optional;

/** The station's hub link, if it has one; replaced once when the station enrols. Read from any thread. */
final class HubConnection {

    private volatile Optional<HubLink> link;

    HubConnection(Optional<HubLink> link) {
        this.link = link;
    }

    Optional<HubLink> link() {
        return link;
    }

    void replace(HubLink joined) {
        link = Optional.of(joined);
    }

    /** Offline, or refused: either way nothing reaches the hub now. */
    boolean unusable() {
        return link.map(h -> h.state() == LinkState.OFFLINE || h.state() == LinkState.REFUSED).orElse(false);
    }

    /** The hub answers but refuses this station's credentials. */
    boolean refuses() {
        return link.map(h -> h.state() == LinkState.REFUSED).orElse(false);
    }

    /** The link as the packer screen shows it. */
    ScreenView.HubLink onScreen() {
        if (link.isEmpty()) {
            return ScreenView.HubLink.NONE;
        }
        // still connecting after a start counts as connected: offline is shown once the link has given up waiting
        return unusable() ? ScreenView.HubLink.DISCONNECTED : ScreenView.HubLink.CONNECTED;
    }
}
