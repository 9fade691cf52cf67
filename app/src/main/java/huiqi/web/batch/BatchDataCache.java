package huiqi.web.batch;

import huiqi.web.enterprise.DataVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The platform's data as a batch run reads it, exported once per data version (issue 21 target 1). The version
 * is read in the export's own snapshot: the database's identity, how many writing transactions the change log
 * (V831, filled by statement triggers on enterprises, facts and items) shows, and the profile columns. A run whose
 * version was exported before reuses that directory, and with it DuckDB's typed wide table of the same files
 * ({@link #wideCache()}): no export and no pivot. Any import, API batch, undo or edit is a new version, exported
 * in full. The {@value #KEEP} most recently used versions are kept.
 */
@Component
class BatchDataCache {
    static final int KEEP = 2;
    private static final String DONE = "export.done";

    private final PgDataExport export;
    private final Path root;

    BatchDataCache(PgDataExport export, @Value("${huiqi.batch.cache-dir:${huiqi.data-dir}/batch-cache}") String root) {
        this.export = export;
        this.root = Path.of(root).toAbsolutePath();
    }

    /** The data directory of one version; {@code exported} false when it was already there. */
    record Data(Path dir, boolean exported, long profiles, long facts) {
    }

    /** Where BatchRunner keeps the typed wide tables of these directories. */
    Path wideCache() {
        return root.resolve("wide");
    }

    /**
     * The current data, exported now unless this version is cached; {@code exporting} is told before an export.
     * Runs are one at a time (one worker thread), so no two exports share the cache directory.
     */
    Data current(Runnable exporting, Runnable afterProfiles) {
        return export.inSnapshot(c -> {
            Path dir = root.resolve("data-" + version(c));
            Path done = dir.resolve(DONE);
            if (Files.isRegularFile(done)) {
                Files.setLastModifiedTime(dir, FileTime.fromMillis(System.currentTimeMillis()));
                String[] counts = Files.readString(done).trim().split(" ");
                return new Data(dir, false, Long.parseLong(counts[0]), Long.parseLong(counts[1]));
            }
            exporting.run();
            Files.createDirectories(root);
            Path tmp = root.resolve(dir.getFileName() + ".tmp");
            delete(tmp);
            Files.createDirectories(tmp);
            long[] counts = export.exportWith(c, tmp, afterProfiles);
            Files.writeString(tmp.resolve(DONE), counts[0] + " " + counts[1]);
            delete(dir);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            prune();
            return new Data(dir, true, counts[0], counts[1]);
        });
    }

    /** Names the data a snapshot sees: the change log only grows, so its row count tells versions apart. */
    String version(Connection c) throws SQLException {
        StringBuilder key = new StringBuilder(export.profilesQuery()).append('\n');
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT (" + DataVersion.INSTANCE + "), (" + DataVersion.COUNT + ")")) {
            rs.next();
            key.append(rs.getString(1)).append('\n').append(rs.getLong(2));
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void prune() throws IOException {
        List<Path> versions;
        try (Stream<Path> s = Files.list(root)) {
            versions = s.filter(p -> p.getFileName().toString().matches("data-[0-9a-f]+") && Files.isDirectory(p))
                    .sorted(Comparator.comparing(BatchDataCache::modified).reversed()).toList();
        }
        for (Path old : versions.subList(Math.min(KEEP, versions.size()), versions.size())) {
            delete(old);
        }
        List<Path> unfinished; // exports a stopped platform left half-written
        try (Stream<Path> s = Files.list(root)) {
            unfinished = s.filter(p -> p.getFileName().toString().matches("data-[0-9a-f]+\\.tmp")).toList();
        }
        for (Path p : unfinished) {
            delete(p);
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
