package huiqi.batch.duck;

import huiqi.batch.sql.FactColumns;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The typed columnar cache of a data directory: the pivoted, typed wide table (one row per enterprise, DECIMAL
 * fact columns, typed attributes) and the profiles, kept in a DuckDB database file named by a fingerprint of the
 * input files (path, size, modification time, first and last MiB) and of the wide table's layout (which columns
 * the rules read). A later load of the same files for the same rules attaches the file read-only instead of
 * reading and pivoting ~55M fact rows again; any change of the files or of the columns read makes a new file.
 * Files are written to a temporary name and renamed, so a crash never leaves a half-written cache; the
 * {@value #KEEP} most recently used are kept.
 */
final class WideCache {
    static final int KEEP = 4;
    private static final String FORMAT = "huiqi-wide-cache 1";
    private static final String ALIAS = "wide_cache";

    private final Path dir;
    private final Path file;

    /** {@code engine} (e.g. the DuckDB version) is part of the name: another engine version writes its own file. */
    WideCache(Path cacheDir, Path dataDir, String layout, String engine) throws IOException {
        this.dir = cacheDir;
        this.file = cacheDir.resolve("wide-" + fingerprint(dataDir, engine + "\n" + layout) + ".duckdb");
    }

    Path file() {
        return file;
    }

    /**
     * Views {@code wide} and {@code profiles_src} over the cached tables, and the fact columns' scales; null
     * when this fingerprint is not cached.
     */
    Map<String, FactColumns.Type> restore(Connection c) throws SQLException, IOException {
        return restore(c, ALIAS, "wide", "profiles_src");
    }

    /** As {@link #restore(Connection)}, attached as {@code alias} with the two views named as given. */
    Map<String, FactColumns.Type> restore(Connection c, String alias, String wide, String profiles) throws SQLException, IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        try (Statement s = c.createStatement()) {
            try {
                s.execute("ATTACH " + literal(file) + " AS " + alias + " (READ_ONLY)");
            } catch (SQLException unreadable) { // damaged, or written by a DuckDB that cannot be read: pivot again
                Files.deleteIfExists(file);
                return null;
            }
            s.execute("CREATE OR REPLACE VIEW " + wide + " AS SELECT * FROM " + alias + ".wide");
            s.execute("CREATE OR REPLACE VIEW " + profiles + " AS SELECT * FROM " + alias + ".profiles_src");
            Map<String, FactColumns.Type> types = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT col, scale, precision FROM " + alias + ".fact_scales")) {
                while (rs.next()) {
                    types.put(rs.getString(1), new FactColumns.Type(rs.getInt(2), rs.getInt(3)));
                }
            }
            return types;
        }
    }

    /** Writes tables {@code wide} and {@code profiles_src} of {@code c} and the scales to the cache file. */
    void store(Connection c, Map<String, FactColumns.Type> types) throws SQLException, IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(tmp);
        try (Statement s = c.createStatement()) {
            s.execute("ATTACH " + literal(tmp) + " AS wide_cache_new");
            try {
                s.execute("CREATE TABLE wide_cache_new.wide AS SELECT * FROM wide");
                s.execute("CREATE TABLE wide_cache_new.profiles_src AS SELECT * FROM profiles_src");
                s.execute("CREATE TABLE wide_cache_new.fact_scales (col VARCHAR, scale INTEGER, precision INTEGER)");
                for (Map.Entry<String, FactColumns.Type> e : types.entrySet()) {
                    s.execute("INSERT INTO wide_cache_new.fact_scales VALUES ('" + e.getKey().replace("'", "''") + "', "
                            + e.getValue().scale() + ", " + e.getValue().precision() + ")");
                }
            } finally {
                s.execute("DETACH wide_cache_new");
            }
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        prune();
    }

    /** Removes all but the {@value #KEEP} most recently used cache files. */
    private void prune() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("wide-[0-9a-f]+\\.duckdb"))
                    .sorted(Comparator.comparing(WideCache::modified).reversed()).toList();
        }
        for (Path old : files.subList(Math.min(KEEP, files.size()), files.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The input files and the layout: a change to either gives another name. */
    static String fingerprint(Path dataDir, String layout) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update((FORMAT + "\n" + layout + "\n").getBytes(StandardCharsets.UTF_8));
        for (String name : List.of("profiles", "facts")) {
            Path p = DuckSources.pick(dataDir, name).toAbsolutePath();
            md.update((p + "\n" + Files.size(p) + "\n" + Files.getLastModifiedTime(p).toMillis() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "r")) {
                byte[] buf = new byte[1 << 20];
                int n = f.read(buf);
                md.update(buf, 0, Math.max(n, 0));
                if (f.length() > buf.length) {
                    f.seek(f.length() - buf.length);
                    md.update(buf, 0, Math.max(f.read(buf), 0));
                }
            }
        }
        return HexFormat.of().formatHex(md.digest(), 0, 12);
    }

    private static String literal(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
