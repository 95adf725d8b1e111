package io.packcheck.station.enrol;

import io.packcheck.station.config.Secret;
import io.packcheck.station.store.FileModes;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;

/**
 * The enrolment a station keeps in its data directory: {@code hub-enrolment.json} (hub URL, station id)
 * and {@code hub-token} (the token alone, owner read/write only). Each file is written whole to a
 * temporary file and moved into place, the token first, so a crash leaves the old enrolment or the new one.
 */
public final class EnrolmentFiles {

    public static final String ENROLMENT_FILE = "hub-enrolment.json";
    public static final String TOKEN_FILE = "hub-token";

    private final Path dataDir;

    public EnrolmentFiles(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** What a station enrolled with. */
    public record Stored(URI hub, String stationId, Secret token) {}

    public void save(Stored enrolment, Instant at) throws IOException {
        FileModes.privateDirectory(dataDir);
        writeWhole(dataDir.resolve(TOKEN_FILE), enrolment.token().value() + "\n", true);
        String json = new JsonObject().put("hub", enrolment.hub().toString()).put("stationId", enrolment.stationId())
                .put("enrolledAt", at.toString()).encodePrettily();
        writeWhole(dataDir.resolve(ENROLMENT_FILE), json + "\n", false);
    }

    /**
     * The stored enrolment; empty when the station never enrolled.
     *
     * @throws IOException when the files are there but cannot be read or make no sense, naming the file
     */
    public Optional<Stored> load() throws IOException {
        Path file = dataDir.resolve(ENROLMENT_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonObject json;
        try {
            json = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (DecodeException e) {
            throw new IOException(file + " is not a JSON object; delete it and enrol the station again");
        }
        String hub = json.getString("hub");
        String stationId = json.getString("stationId");
        if (hub == null || stationId == null || stationId.isBlank()) {
            throw new IOException(file + " lacks hub or stationId; delete it and enrol the station again");
        }
        URI uri;
        try {
            uri = new URI(hub);
        } catch (java.net.URISyntaxException e) {
            throw new IOException(file + ": hub '" + hub + "' is not a URL");
        }
        Path tokenFile = dataDir.resolve(TOKEN_FILE);
        if (!Files.exists(tokenFile)) {
            throw new IOException(tokenFile + " is missing; enrol the station again");
        }
        // a token left readable by others (copied in by hand, or by an older version) is closed to them now
        FileModes.tightenIfPresent(tokenFile);
        String token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
            throw new IOException(tokenFile + " must hold the token alone on one line");
        }
        return Optional.of(new Stored(uri, stationId, new Secret(token)));
    }

    private static void writeWhole(Path target, String text, boolean secret) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (secret && posix) {
            // created 600 from the start: the token is never readable by others, not even for a moment
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
        }
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
