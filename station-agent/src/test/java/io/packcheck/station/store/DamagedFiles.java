package io.packcheck.station.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Damages a real SQLite file the way a worn SD card or a torn write does: whole pages overwritten. */
public final class DamagedFiles {

    private DamagedFiles() {}

    /** A b-tree page of a table or index, as SQLite's dbstat lists it. */
    public record Page(String owner, long number, String type, int cells) {}

    /** The pages of the table or index {@code owner}, in page order; the file must be closed by everyone else. */
    public static List<Page> pagesOf(Path file, String owner) throws SQLException {
        List<Page> pages = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, pageno, pagetype, ncell FROM dbstat WHERE name = '" + owner
                        + "' ORDER BY pageno")) {
            while (rs.next()) {
                pages.add(new Page(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4)));
            }
        }
        return pages;
    }

    /** Overwrites the page with garbage, in place, as the file's bytes on disk. */
    public static void overwrite(Path file, long pageNumber) throws IOException, SQLException {
        int pageSize;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA page_size")) {
            rs.next();
            pageSize = rs.getInt(1);
        }
        byte[] garbage = new byte[pageSize];
        Arrays.fill(garbage, (byte) 0xA5);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek((pageNumber - 1) * pageSize);
            raf.write(garbage);
            raf.getFD().sync();
        }
    }
}
