package io.packcheck.station.scale.emulator;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Cuts the commands a station sends out of what arrives, at CR or LF; empty commands are skipped. */
final class CommandReader {

    private final StringBuilder command = new StringBuilder();
    private final ByteBuffer buffer = ByteBuffer.allocate(256);

    /** Reads until the port closes, handing each command to {@code handler}. */
    void readAll(ScaleEmulator emulator, Handler handler) throws IOException {
        while (true) {
            buffer.clear();
            if (emulator.read(buffer) < 0) {
                return;
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                char c = (char) (buffer.get() & 0xFF);
                if (c == '\r' || c == '\n') {
                    if (command.length() > 0) {
                        handler.handle(command.toString());
                        command.setLength(0);
                    }
                } else if (command.length() < 256) {
                    command.append(c);
                }
            }
        }
    }

    /** Answers one command. */
    interface Handler {
        void handle(String command) throws IOException;
    }
}
