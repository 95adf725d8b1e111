package io.packcheck.station.runtime;

import static io.packcheck.station.runtime.Stations.MUG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.packcheck.core.verify.Verdict;
import io.packcheck.station.hub.HubLink;
import io.packcheck.station.hub.LinkState;
import io.packcheck.station.hub.OrderLookup;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's one question to the hub: an unknown code may be an order the hub knows. */
class StationHubLookupTest {

    @TempDir
    Path dir;

    private final HubLink hub = mock(HubLink.class);

    @Test
    void anUnknownCodeIsAskedOfAReachableHubAndStaysUnknownWhenTheHubDoesNotKnowIt() {
        when(hub.state()).thenReturn(LinkState.ONLINE);
        when(hub.fetchOrder("SO-NEW")).thenReturn(new OrderLookup.Unknown("SO-NEW"));
        try (StationHarness station = StationHarness.start(dir, StationLockTest.CATALOG, hub)) {

            station.scan("SO-NEW");

            verify(hub).fetchOrder("SO-NEW");
            assertThat(station.view().lastVerdict().orElseThrow().verdict()).isEqualTo(Verdict.UNKNOWN_CODE);
        }
    }

    @Test
    void anOfflineHubIsNotAskedSoTheCodeIsUnknownAtOnce() {
        when(hub.state()).thenReturn(LinkState.OFFLINE);
        try (StationHarness station = StationHarness.start(dir, List.of(), hub)) {

            station.scan("SO-NEW");

            verify(hub, never()).fetchOrder(anyString());
            assertThat(station.view().lastVerdict().orElseThrow().verdict()).isEqualTo(Verdict.UNKNOWN_CODE);
        }
    }

    @Test
    void anItemBarcodeOrACommandIsNeverAskedAsAnOrder() {
        when(hub.state()).thenReturn(LinkState.ONLINE);
        try (StationHarness station = StationHarness.start(dir, List.of(), hub)) {

            station.scan(MUG);
            station.scan("PCK-NOSUCH");

            verify(hub, never()).fetchOrder(anyString());
        }
    }
}
