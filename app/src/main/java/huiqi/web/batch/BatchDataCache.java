package huiqi.web.batch;

import huiqi.batch.duck.DataDelta;
import huiqi.batch.duck.LongDataMerge;
import huiqi.batch.sql.FactColumn;
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
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The platform's data as a batch run reads it, exported once per data version (issue 21 target 1): every profile
 * and item, and of the facts only the (indicator, period) columns the rules in force read (about half of the rows
 * at the 1M bench; PostgreSQL drops the others before formatting them). The version is read in the export's own
 * snapshot: the database's identity, how many writing transactions the change log (V831, filled by statement
 * triggers on enterprises, facts and items) shows, the profile columns and the fact columns. A run whose
 * version was exported before reuses that directory, and with it DuckDB's typed wide table of the same files
 * ({@link #wideCache()}): no export and no pivot. A new version (an import, API batch, undo or edit) is written on
 * the most recent earlier export when few enterprises changed since ({@link DataChanges}, at most
 * {@value #MAX_CHANGED_SHARE} of all): only the changed enterprises are exported, their rows replace theirs in the
 * earlier long data ({@link LongDataMerge}, Parquet), and BatchRunner updates the earlier wide table with them
 * ({@link DataDelta}). Otherwise, or when the earlier export cannot serve, the whole data is exported. The
 * {@value #KEEP} most recently used versions are kept.
 */
@Component
class BatchDataCache {
    static final int KEEP = 2;
    static final double MAX_CHANGED_SHARE = 0.2;
    private static final String DONE = "export.done";
    private static final String SNAPSHOT = "export.snapshot";
    private static final String BASIS = "export.basis";

    private final PgDataExport export;
    private final JdbcClient jdbc;
    private final Path root;
    private final BatchDuckSettings duck;

    BatchDataCache(PgDataExport export, JdbcClient jdbc, @Value("${huiqi.batch.cache-dir:${huiqi.data-dir}/batch-cache}") String root,
                   BatchDuckSettings duck) {
        this.export = export;
        this.jdbc = jdbc;
        this.root = Path.of(root).toAbsolutePath();
        this.duck = duck;
    }

    /**
     * The data directory of one version; {@code exported} false when it was already there; {@code changed} the
     * number of enterprises exported on an earlier version's data, -1 when none was (whole export, or reused).
     */
    record Data(Path dir, boolean exported, long profiles, long facts, long changed) {
    }

    /** Where BatchRunner keeps the typed wide tables of these directories. */
    Path wideCache() {
        return root.resolve("wide");
    }

    /**
     * The current data, exported now unless this version is cached; {@code exporting} is told before an export.
     * Runs are one at a time (one worker thread), so no two exports share the cache directory.
     */
    Data current(Collection<FactColumn> read, Runnable exporting, Runnable afterProfiles) {
        Data data = exportIfNew(read, exporting, afterProfiles);
        if (data.exported()) {
            forgetSeenByAllKept();
        }
        return data;
    }

    private Data exportIfNew(Collection<FactColumn> read, Runnable exporting, Runnable afterProfiles) {
        return export.inSnapshot(c -> {
            Path dir = root.resolve("data-" + version(c, read));
            Path done = dir.resolve(DONE);
            if (Files.isRegularFile(done)) {
                touch(dir);
                String[] counts = Files.readString(done).trim().split(" ");
                return new Data(dir, false, Long.parseLong(counts[0]), Long.parseLong(counts[1]), -1);
            }
            exporting.run();
            Files.createDirectories(root);
            Path tmp = root.resolve(dir.getFileName() + ".tmp");
            delete(tmp);
            Files.createDirectories(tmp);
            String basis = basis(c, read);
            Path base = latestExport(basis);
            DataChanges changes = base == null ? null : DataChanges.since(Files.readString(base.resolve(SNAPSHOT)).trim());
            long changed = changes == null ? -1 : changes.count(c);
            long[] counts;
            if (changed >= 0 && changed <= MAX_CHANGED_SHARE * enterprises(c)) {
                counts = exportChanged(c, tmp, base, changes, read, afterProfiles);
                touch(base); // the next directory's wide table is built on this one's: keep it
            } else {
                changed = -1;
                counts = export.exportWith(c, tmp, afterProfiles, null, read);
            }
            Files.writeString(tmp.resolve(SNAPSHOT), DataChanges.snapshot(c));
            Files.writeString(tmp.resolve(BASIS), basis);
            Files.writeString(tmp.resolve(DONE), counts[0] + " " + counts[1]);
            delete(dir);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            touch(dir);
            prune();
            return new Data(dir, true, counts[0], counts[1], changed);
        });
    }

    /** The changed enterprises' rows into tmp/delta, and the earlier export's long data with them as Parquet into tmp. */
    private long[] exportChanged(Connection c, Path tmp, Path base, DataChanges changes, Collection<FactColumn> read,
                                 Runnable afterProfiles) throws SQLException, IOException {
        Path changedDir = tmp.resolve(DataDelta.DIR);
        Files.createDirectories(changedDir);
        export.exportWith(c, changedDir, afterProfiles, changes.usccQuery(), read);
        export.copyOut(c, changes.usccQuery(), changedDir.resolve(DataDelta.CHANGED));
        DataDelta.writeBase(tmp, base);
        return LongDataMerge.merge(base, DataDelta.of(tmp), tmp, duck.memoryLimit(), duck.threads());
    }

    /**
     * Drops the changed enterprises (V880) of the changes every kept export has seen: an export is only ever built
     * on a kept one, so these are never asked for again (the change log's own rows stay: they count versions).
     */
    private void forgetSeenByAllKept() {
        List<String> seen = new java.util.ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("data-[0-9a-f]+")).toList()) {
                if (Files.isRegularFile(p.resolve(SNAPSHOT))) {
                    seen.add(DataChanges.since(Files.readString(p.resolve(SNAPSHOT)).trim()).seenQuery());
                }
            }
        } catch (IOException e) {
            return; // kept for now; tried again after the next export
        }
        if (!seen.isEmpty()) {
            jdbc.sql("delete from batch_data_change_uscc u using batch_data_change c where c.xid = u.xid and "
                    + String.join(" and ", seen)).update();
        }
    }

    /** The most recently used complete export of the same database and profile columns that kept its snapshot. */
    private Path latestExport(String basis) throws IOException {
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("data-[0-9a-f]+") && Files.isDirectory(p))
                    .sorted(Comparator.comparing(BatchDataCache::modified).reversed()).toList()) {
                if (Files.isRegularFile(p.resolve(DONE)) && Files.isRegularFile(p.resolve(SNAPSHOT))
                        && Files.isRegularFile(p.resolve(BASIS)) && Files.readString(p.resolve(BASIS)).equals(basis)) {
                    return p;
                }
            }
        }
        return null;
    }

    private static long enterprises(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from enterprise")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Names the data a snapshot sees, as exported for the columns {@code read}: the change log only grows, so its
     * row count tells versions apart.
     */
    String version(Connection c, Collection<FactColumn> read) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT (" + DataVersion.COUNT + ")")) {
            rs.next();
            return hash(basis(c, read) + '\n' + rs.getLong(1));
        }
    }

    /**
     * What must be the same for an earlier export to be built on: the database, the profile columns and the fact
     * columns exported (every one is a (indicator, period) pair the rules read).
     */
    private String basis(Connection c, Collection<FactColumn> read) throws SQLException {
        StringBuilder key = new StringBuilder(export.profilesQuery()).append('\n');
        read.stream().map(FactColumn::column).sorted().forEach(col -> key.append(col).append(','));
        key.append('\n');
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(DataVersion.INSTANCE)) {
            rs.next();
            key.append(rs.getString(1));
        }
        return hash(key.toString());
    }

    private static String hash(String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void touch(Path dir) throws IOException {
        Files.setLastModifiedTime(dir, FileTime.fromMillis(System.currentTimeMillis()));
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
