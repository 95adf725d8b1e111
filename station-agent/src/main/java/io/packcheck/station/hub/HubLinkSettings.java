package io.packcheck.station.hub;

import io.packcheck.station.config.Secret;
import io.packcheck.station.scanner.Backoff;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the station talks to the hub.
 *
 * @param hub            base URL, http or https (e.g. {@code https://hub.local:8443})
 * @param hubCa          PEM file of the CA (or self-signed certificate) to trust for https; empty: the JVM's default trust store
 * @param agentVersion   sent with every heartbeat
 * @param feedWait       how long the hub may hold a feed request open (long-poll); at most 30 s
 * @param fetchTimeout   how long a one-off order lookup may take before the code counts as unknown
 * @param heartbeatEvery time between heartbeats
 * @param offlineAfter   without any successful exchange for this long, the link reports OFFLINE
 * @param sendTick       the outbox is also checked this often, besides {@link HubLink#eventsAppended}
 * @param batchSize      events per POST (the hub takes at most 500)
 * @param backoff        delay before each retry of a failed feed request or send
 */
public record HubLinkSettings(URI hub, Secret token, Optional<Path> hubCa, String agentVersion, Duration feedWait,
                              Duration fetchTimeout, Duration heartbeatEvery, Duration offlineAfter, Duration sendTick,
                              int batchSize, Backoff backoff) {

    public HubLinkSettings {
        String scheme = hub.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("hub URL " + hub + " must start with http:// or https://");
        }
        if (hub.getHost() == null) {
            throw new IllegalArgumentException("hub URL " + hub + " has no host");
        }
        if (hubCa.isPresent() && !Files.isReadable(hubCa.get())) {
            throw new IllegalArgumentException("hub CA file " + hubCa.get() + " is not a readable file");
        }
        if (hubCa.isPresent() && !"https".equals(scheme)) {
            throw new IllegalArgumentException("a hub CA file is only used with an https:// hub URL, got " + hub);
        }
        // under a second the feed loop would turn into busy polling of a quiet hub
        if (feedWait.compareTo(Duration.ofSeconds(1)) < 0 || feedWait.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("feed wait must be 1-30 s, got " + feedWait);
        }
        if (batchSize < 1 || batchSize > 500) {
            throw new IllegalArgumentException("batch size must be 1-500, got " + batchSize);
        }
        for (Duration d : new Duration[] {fetchTimeout, heartbeatEvery, offlineAfter, sendTick}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("link timings must be positive, got " + d);
            }
        }
    }

    /** The defaults: 25 s long-poll, 800 ms order lookup, heartbeat every 30 s, offline after 5 s, batches of 200. */
    public static HubLinkSettings defaults(URI hub, Secret token, String agentVersion) {
        return new HubLinkSettings(hub, token, Optional.empty(), agentVersion, Duration.ofSeconds(25),
                Duration.ofMillis(800), Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(5), 200,
                new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30)));
    }

    public HubLinkSettings withHubCa(Path pem) {
        return new HubLinkSettings(hub, token, Optional.of(pem), agentVersion, feedWait, fetchTimeout, heartbeatEvery,
                offlineAfter, sendTick, batchSize, backoff);
    }

    /** The same settings with other timings (tests and slow links). */
    public HubLinkSettings withTimings(Duration feedWait, Duration heartbeatEvery, Duration offlineAfter, Backoff backoff) {
        return new HubLinkSettings(hub, token, hubCa, agentVersion, feedWait, fetchTimeout, heartbeatEvery,
                offlineAfter, sendTick, batchSize, backoff);
    }

    public HubLinkSettings withBatchSize(int batchSize) {
        return new HubLinkSettings(hub, token, hubCa, agentVersion, feedWait, fetchTimeout, heartbeatEvery,
                offlineAfter, sendTick, batchSize, backoff);
    }
}
