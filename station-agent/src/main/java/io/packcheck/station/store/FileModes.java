package io.packcheck.station.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Keeps the station's data away from other users of the machine: the data directory 700, the database
 * and token files 600. The database holds badge codes and the outbox; the token lets anyone act as the station.
 */
public final class FileModes {

    public static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private FileModes() {}

    /** Creates the directory if needed, readable by its owner only (an existing one is tightened). */
    public static void privateDirectory(Path dir) throws IOException {
        if (!posix()) {
            Files.createDirectories(dir);
            return;
        }
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        }
        Files.setPosixFilePermissions(dir, OWNER_ONLY_DIRECTORY);
    }

    /**
     * Creates the file empty if it is missing, then makes it readable by its owner only. SQLite creates a
     * database's -wal and -shm files with the mode of the database file, so they follow.
     */
    public static void privateFile(Path file) throws IOException {
        if (!posix()) {
            return;
        }
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        }
        Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
    }

    /** Tightens the file to 600 if it exists. */
    public static void tightenIfPresent(Path file) throws IOException {
        if (posix() && Files.exists(file)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
