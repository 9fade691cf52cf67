package huiqi.web.batch;

import huiqi.batch.sql.FactColumn;
import huiqi.facts.IndicatorCatalog;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Writes the current enterprises and facts to a data directory in the format BatchRunner reads
 * (profiles.csv + long-form facts.csv, docs/formats.md) with PostgreSQL COPY … TO STDOUT streamed straight
 * into the files: no rows pass through Java objects. Both files come from one REPEATABLE READ snapshot.
 */
@Component
public class PgDataExport {
    private static final Logger log = LoggerFactory.getLogger(PgDataExport.class);
    private final DataSource dataSource;
    private final TransactionTemplate snapshot;
    private final IndicatorCatalog catalog;

    PgDataExport(DataSource dataSource, PlatformTransactionManager txm, IndicatorCatalog catalog) {
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.snapshot = new TransactionTemplate(txm);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** Exports into dir; returns the number of profile rows and fact rows. */
    public long[] export(Path dir, Runnable afterProfiles) {
        return inSnapshot(c -> exportWith(c, dir, afterProfiles));
    }

    /** What {@code work} reads through the connection it is given sees one REPEATABLE READ snapshot. */
    <T> T inSnapshot(SnapshotWork<T> work) {
        return snapshot.execute(s -> {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                return work.apply(c);
            } catch (SQLException e) {
                throw new IllegalStateException("导出企业数据失败：" + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("写临时数据目录失败：" + e.getMessage(), e);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
        });
    }

    interface SnapshotWork<T> {
        T apply(Connection c) throws SQLException, IOException;
    }

    /** Exports into dir through {@code c} (inside {@link #inSnapshot}); returns the profile and fact row counts. */
    long[] exportWith(Connection c, Path dir, Runnable afterProfiles) throws SQLException, IOException {
        return exportWith(c, dir, afterProfiles, null, null);
    }

    /**
     * As {@link #exportWith(Connection, Path, Runnable)}, only the enterprises whose uscc {@code usccQuery} (one
     * column, read in the same snapshot) returns (null: all), and of their facts only those of the columns
     * {@code read} (null: all; a batch run pivots only the columns its rules read, issue 21).
     */
    long[] exportWith(Connection c, Path dir, Runnable afterProfiles, String usccQuery, Collection<FactColumn> read)
            throws SQLException, IOException {
        String where = usccQuery == null ? "" : " WHERE uscc IN (" + usccQuery + ")";
        long profiles = copyOut(c, profilesQuery() + where, dir.resolve("profiles.csv"));
        afterProfiles.run();
        long facts = copyOut(c, factsQuery(usccQuery, read), dir.resolve("facts.csv"));
        // items (#17): long form, one row per field, and one row with an empty item id per list (given, maybe empty)
        String itemWhere = usccQuery == null ? "" : " WHERE i.uscc IN (" + usccQuery + ")";
        copyOut(c, "SELECT i.uscc, i.kind, i.item_id, f.key AS field, f.value AS value "
                + "FROM enterprise_item i CROSS JOIN LATERAL jsonb_each_text(i.fields) f" + itemWhere
                + " UNION ALL SELECT uscc, kind, NULL::varchar, NULL::text, NULL::text FROM enterprise_item_list" + where,
                dir.resolve("items.csv"));
        return new long[] {profiles, facts};
    }

    /** The facts of the enterprises {@code usccQuery} returns (null: all) and the columns {@code read} (null: all). */
    String factsQuery(String usccQuery, Collection<FactColumn> read) {
        List<String> where = new ArrayList<>();
        if (usccQuery != null) {
            where.add("uscc IN (" + usccQuery + ")");
        }
        if (read != null) {
            List<String> keys = new ArrayList<>();
            for (FactColumn col : read) {
                for (List<String> key : col.keyTexts(catalog)) {
                    keys.add("(" + literal(key.get(0)) + ", " + literal(key.get(1)) + ")");
                }
            }
            // a hash semi-join on the pairs: PostgreSQL formats (trim_scale, ::text) only the rows kept
            where.add(keys.isEmpty() ? "FALSE" : "(indicator, period) IN (VALUES " + String.join(", ", keys) + ")");
        }
        return "SELECT uscc, indicator, period, trim_scale(value)::text AS value FROM enterprise_fact"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
    }

    private static String literal(String v) {
        return "'" + v.replace("'", "''") + "'";
    }

    /** Profile fields, every catalog attribute as its own column, and the 建档 time for first-come budgets. */
    String profilesQuery() {
        List<String> cols = new ArrayList<>(List.of("uscc", "name", "region_code", "industry_code", "size"));
        for (IndicatorCatalog.Attribute a : catalog.attributes()) {
            cols.add("attributes ->> '" + a.id().replace("'", "''") + "' AS \"" + a.id().replace("\"", "\"\"") + "\"");
        }
        cols.add("to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US') AS " + BatchRunSpec.ORDER_COLUMN);
        return "SELECT " + String.join(", ", cols) + " FROM enterprise";
    }

    /**
     * The rows of {@code query} as CSV in {@code file}; returns how many. PostgreSQL writes the file itself (COPY …
     * TO 'file') when it runs on this machine and may write files, as the embedded one does: no row then passes
     * through the JVM (the driver hands COPY … TO STDOUT over as one byte array per row). Otherwise, or when the
     * server's file did not appear here (another machine or container), the rows stream through the connection.
     */
    long copyOut(Connection c, String query, Path file) throws SQLException, IOException {
        if (serverWrites == null && !serverMayWrite(c)) {
            serverWrites = false; // asked once: the server and the role do not change while the platform runs
        }
        if (!Boolean.FALSE.equals(serverWrites)) {
            Savepoint before = c.setSavepoint();
            try (Statement s = c.createStatement()) {
                long n = s.executeLargeUpdate("COPY (" + query + ") TO " + literal(file.toAbsolutePath().toString())
                        + " WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')");
                c.releaseSavepoint(before);
                if (Files.isRegularFile(file) && Files.size(file) > 0) {
                    serverWrites = true;
                    return n;
                }
                log.info("PostgreSQL 写出的文件不在本机 {}：改经连接导出", file);
            } catch (SQLException e) {
                c.rollback(before);
                log.info("PostgreSQL 不能直接写文件（{}）：改经连接导出", e.getMessage());
            }
            serverWrites = false;
        }
        return streamOut(c, query, file);
    }

    /** Null until the first export asks; then whether PostgreSQL's own COPY … TO 'file' served. */
    private volatile Boolean serverWrites;

    /** Whether the last exports were written by PostgreSQL itself (null: none yet). */
    Boolean writtenByServer() {
        return serverWrites;
    }

    private static boolean serverMayWrite(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select (r.rolsuper or pg_has_role(current_user, 'pg_write_server_files', 'member'))
                   and (inet_server_addr() is null or host(inet_server_addr()) in ('127.0.0.1', '::1'))
                from pg_roles r where r.rolname = current_user""")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** COPY … TO STDOUT through the connection into {@code file}. */
    static long streamOut(Connection c, String query, Path file) throws SQLException, IOException {
        // buffered: the driver hands over one row per write, and a system call per row cost more than the query
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            return c.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("COPY (" + query + ") TO STDOUT WITH (FORMAT csv, HEADER true)", out);
        }
    }
}
