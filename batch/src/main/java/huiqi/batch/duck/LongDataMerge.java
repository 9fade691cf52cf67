package huiqi.batch.duck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The full long data of a {@link DataDelta} directory: for profiles, facts and items, the earlier directory's rows
 * of the enterprises not changed plus the changed enterprises' current rows, written by DuckDB as Parquet (every
 * column text, as the files are read). A later run with other rules or another layout reads these like a full
 * export.
 */
public final class LongDataMerge {
    private LongDataMerge() {
    }

    /** Writes profiles/facts/items.parquet into {@code out}; returns the profile and fact row counts. */
    public static long[] merge(Path base, DataDelta delta, Path out, String memoryLimit, Integer threads)
            throws IOException, SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            if (memoryLimit != null) {
                s.execute("SET memory_limit = '" + memoryLimit.replace("'", "") + "'");
            }
            if (threads != null) {
                s.execute("SET threads = " + threads);
            }
            s.execute("SET preserve_insertion_order = false");
            s.execute("CREATE TEMP TABLE changed AS SELECT DISTINCT uscc FROM " + DuckSources.reader(delta.changed()));
            long[] counts = new long[2];
            List<String> names = List.of("profiles", "facts", "items");
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                Path target = out.resolve(name + ".parquet");
                Files.deleteIfExists(target);
                Path earlier = DuckSources.onlyOne(base, name);
                Path now = DuckSources.onlyOne(delta.dir(), name);
                if (i < 2 && (earlier == null || now == null)) {
                    DuckSources.pick(earlier == null ? base : delta.dir(), name); // says which file is missing
                }
                List<String> parts = new ArrayList<>();
                if (earlier != null) {
                    parts.add("SELECT * FROM " + DuckSources.reader(earlier) + " WHERE uscc NOT IN (SELECT uscc FROM changed)");
                }
                if (now != null) {
                    parts.add("SELECT * FROM " + DuckSources.reader(now));
                }
                if (parts.isEmpty()) {
                    continue; // no items in either: none now
                }
                s.execute("COPY (" + String.join(" UNION ALL BY NAME ", parts) + ") TO " + literal(target) + " (FORMAT parquet)");
                if (i < 2) {
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet(" + literal(target) + ")")) {
                        rs.next();
                        counts[i] = rs.getLong(1);
                    }
                }
            }
            return counts;
        }
    }

    private static String literal(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
