package io.packcheck.bench.core;

import io.packcheck.core.barcode.ScanParse;
import io.packcheck.core.barcode.ScanParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Time to parse one raw scan, over a mix like a pack station sees: mostly retail EAN/UPC items,
 * GS1-128 and GS1 DataMatrix with expiry, lot and serial, order/tote/command codes, a few bad reads.
 * Run through scripts/bench-parse.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ScanParseBenchmark {

    private static final String GS = "\u001D";

    static final String[] MIX = {
        "]E04006381333931",
        "]E05901234123457",
        "]E00036000291452",
        "4006381333931",
        "036000291452",
        "04252614",
        "]E496385074",
        "]E09780306406157]E290000",
        "]C10109501101530003171407041" + "0AB-123",
        "]C1" + "0110614141000415" + "17270300" + "10LOT-2207" + GS + "21SN000123",
        "]d2" + "0109501101530003" + "17261231" + "10L7" + GS + "21ABCDEF123456",
        "(01)09501101530003(17)261231(10)AB-123",
        "]C0SO-1001234",
        "]C0TOTE-0042",
        "]C0PCK-CLEAR",
        "]A0SO-1001234",
        "SO-1001234",
        "]E04006381333932",
        "]C1" + "0109501101530003" + "17271301",
        "]I010614141000415",
    };

    private final ScanParser parser =
            new ScanParser(Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
    private int next;

    /** One scan from the mix per call, round robin, so the figure is the mean per scan. */
    @Benchmark
    public ScanParse mixedScan() {
        String raw = MIX[next];
        next = next + 1 == MIX.length ? 0 : next + 1;
        return parser.parse(raw);
    }

    /** The most work a single scan takes: GS1 DataMatrix with GTIN, expiry, lot and serial. */
    @Benchmark
    public ScanParse gs1DataMatrixWithExpiryLotSerial() {
        return parser.parse(MIX[10]);
    }

    /** The most common scan: an EAN-13 with its AIM identifier. */
    @Benchmark
    public ScanParse ean13() {
        return parser.parse(MIX[0]);
    }
}
