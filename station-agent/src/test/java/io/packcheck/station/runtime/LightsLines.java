package io.packcheck.station.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Standard output of console lights, line by line, for a test to wait on. */
final class LightsLines extends OutputStream {

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    PrintStream printStream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            lines.add(line.toString(StandardCharsets.UTF_8));
            line.reset();
        } else {
            line.write(b);
        }
    }

    /** The next line, waiting up to 10 s for it. */
    String next() throws InterruptedException {
        String next = lines.poll(10, TimeUnit.SECONDS);
        assertThat(next).as("a LIGHTS line within 10 s").isNotNull();
        return next;
    }

    /** Reads lines until one matches, failing when none did within the timeout; returns it. */
    String awaitLine(java.util.function.Predicate<String> wanted, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String next = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(next).as("a matching LIGHTS line within " + timeout).isNotNull();
            if (wanted.test(next)) {
                return next;
            }
        }
    }

    /** Lines printed and not read yet. */
    java.util.List<String> unread() {
        java.util.List<String> rest = new java.util.ArrayList<>();
        lines.drainTo(rest);
        return rest;
    }
}
