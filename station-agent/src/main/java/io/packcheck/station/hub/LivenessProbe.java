package io.packcheck.station.hub;

/**
 * A quiet feed holds its request for up to the long-poll wait, so silence is normal: a cheap probe fills the gaps,
 * and only when the hub did not answer at all for the offline threshold is the link offline. The probe needs no
 * token, so it shows the hub is there, never that it takes this station's token.
 */
final class LivenessProbe {

    private final HubExchange hub;
    private final LinkHealth health;
    private boolean probing;

    LivenessProbe(HubExchange hub, LinkHealth health) {
        this.hub = hub;
        this.health = health;
    }

    void start() {
        long checkEvery = Math.max(50, hub.settings().offlineAfter().toMillis() / 5);
        hub.vertx().setPeriodic(checkEvery, id -> check());
    }

    private void check() {
        if (hub.stopped()) {
            return;
        }
        long silentMillis = health.silentMillis();
        long offlineAfter = hub.settings().offlineAfter().toMillis();
        if (silentMillis > offlineAfter) {
            health.silent();
        }
        if (silentMillis > offlineAfter / 3 && !probing) {
            probing = true;
            long timeout = Math.max(100, offlineAfter / 2);
            hub.anonymousGet("/health/live").connectTimeout(timeout).timeout(timeout).send()
                    .onComplete(ar -> {
                        probing = false;
                        if (ar.succeeded() && ar.result().statusCode() == 200 && !hub.stopped()) {
                            health.answeredProbe();
                        }
                    });
        }
    }
}
