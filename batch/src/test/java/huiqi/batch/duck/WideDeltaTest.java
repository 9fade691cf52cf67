package huiqi.batch.duck;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.batch.run.BatchOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import huiqi.rules.eval.Overrides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory written as an earlier one plus the changed enterprises ({@link DataDelta}) is loaded by updating
 * the earlier cached wide table with those enterprises alone, and gives the same wide table types and results as
 * pivoting the same data whole: a changed enterprise with more decimals widens its column, a deleted one is gone,
 * a new one is there.
 */
class WideDeltaTest {
    @TempDir
    Path dir;

    @Test
    void theEarlierWideTableUpdatedWithTheChangedEnterprisesEqualsAFullPivot() throws Exception {
        Path base = dir.resolve("data-a");
        Path next = dir.resolve("data-b");
        Path whole = dir.resolve("whole");
        Path cache = dir.resolve("cache");
        TestPopulation.generate(300, 17, base);
        BatchOptions options = BatchOptions.defaults().withCache(cache);
        try (BatchRunner b = BatchRunner.open(base, TestPopulation.CATALOG, TestPopulation.RULES, options)) {
            assertThat(b.repivoted()).isEqualTo(-1);
        }
        List<String> usccs = column(base.resolve("profiles.csv"), "uscc");
        String deleted = usccs.get(0);
        String changed = usccs.get(1);
        String added = "91350100DELTA0001X".substring(0, 18);
        Path delta = next.resolve(DataDelta.DIR);
        Files.createDirectories(delta);
        Files.createDirectories(whole);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE p AS SELECT * FROM " + DuckSources.reader(base.resolve("profiles.csv")));
            s.execute("CREATE TABLE f AS SELECT * FROM " + DuckSources.reader(base.resolve("facts.csv")));
            s.execute("DELETE FROM p WHERE uscc = '" + deleted + "'");
            s.execute("DELETE FROM f WHERE uscc = '" + deleted + "'");
            // the changed enterprise's values get three more decimals than any other: its columns widen
            // (written as their numbers need, as PostgreSQL's trim_scale writes them)
            s.execute("UPDATE f SET value = rtrim(CAST(CAST(value AS DECIMAL(30, 4)) + 0.125 AS VARCHAR), '0') WHERE uscc = '"
                    + changed + "'");
            s.execute("INSERT INTO p SELECT * REPLACE ('" + added + "' AS uscc) FROM p WHERE uscc = '" + changed + "'");
            s.execute("INSERT INTO f SELECT * REPLACE ('" + added + "' AS uscc) FROM f WHERE uscc = '" + changed + "'");
            String mine = " WHERE uscc IN ('" + deleted + "', '" + changed + "', '" + added + "')";
            for (String t : List.of("p", "f")) {
                String name = t.equals("p") ? "profiles" : "facts";
                s.execute("COPY " + t + " TO '" + whole.resolve(name + ".csv") + "' (HEADER)");
                s.execute("COPY (SELECT * FROM " + t + mine + ") TO '" + delta.resolve(name + ".csv") + "' (HEADER)");
            }
            s.execute("COPY (SELECT * FROM (VALUES ('" + deleted + "'), ('" + changed + "'), ('" + added + "')) AS t(uscc)) TO '"
                    + delta.resolve(DataDelta.CHANGED) + "' (HEADER)");
        }
        DataDelta.writeBase(next, base);
        long[] counts = LongDataMerge.merge(base, DataDelta.of(next), next, null, null);
        assertThat(counts[0]).isEqualTo(300);

        List<String> expected;
        List<String> expectedTypes;
        try (BatchRunner b = BatchRunner.open(whole, TestPopulation.CATALOG, TestPopulation.RULES, BatchOptions.defaults())) {
            expected = results(b);
            expectedTypes = types(b);
        }
        try (BatchRunner b = BatchRunner.open(next, TestPopulation.CATALOG, TestPopulation.RULES, options)) {
            assertThat(b.repivoted()).isEqualTo(3);
            assertThat(b.enterprises()).isEqualTo(300);
            assertThat(types(b)).isEqualTo(expectedTypes);
            assertThat(results(b)).isEqualTo(expected).contains(expected.stream().filter(r -> r.startsWith(added)).findFirst().orElseThrow())
                    .noneMatch(r -> r.startsWith(deleted));
        }
        try (BatchRunner b = BatchRunner.open(next, TestPopulation.CATALOG, TestPopulation.RULES, options)) {
            assertThat(b.loadedFromCache()).as("the updated wide table is cached for the new directory").isTrue();
            assertThat(results(b)).isEqualTo(expected);
        }
    }

    private static List<String> results(BatchRunner b) throws Exception {
        Path out = Files.createTempFile("wide-delta", ".csv");
        try {
            b.write(b.run(Overrides.NONE), out, null);
            List<String> lines = new ArrayList<>(Files.readAllLines(out));
            lines.sort(null);
            return lines;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static List<String> types(BatchRunner b) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = b.connection().createStatement(); ResultSet rs = s.executeQuery("DESCRIBE wide")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return out;
    }

    private static List<String> column(Path csv, String name) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + name + " FROM " + DuckSources.reader(csv))) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
