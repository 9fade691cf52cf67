package huiqi.bench.platform;

import huiqi.enterprise.AttributeValues;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import huiqi.testdata.DocumentedBoundaries;
import huiqi.testdata.PopulationGenerator;
import huiqi.testdata.SyntheticEnterprise;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts N generated enterprises (the testdata population of a seed) into the platform's PostgreSQL with COPY … FROM
 * STDIN in one transaction, the way PostgreSQL's manual ("Populating a Database") and pg_restore load a large table:
 * enterprise_fact's primary key and foreign keys are dropped first and added back before the commit — one sorted index
 * build and one join per key instead of a B-tree insert and four queued foreign-key trigger events per fact. With the
 * keys gone the facts need not wait for their profiles: they stream to the server while this thread generates them,
 * the (far fewer) profiles go through a temporary CSV file and follow. The schema, indexes and triggers (V831's
 * statement triggers fire on these COPYs as on any import) are the product's when the load commits; a failure rolls
 * all of it back, constraints included. Stored the way the importer stores them (attributes as JSON scalars, periods
 * in canonical form); usccs already in the database (the demo population) are skipped.
 */
final class BulkEnterpriseLoad {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** {@code keySeconds}: of {@code seconds}, adding enterprise_fact's keys back (index build, key checks). */
    record Loaded(long enterprises, long facts, double seconds, double keySeconds) {
    }

    private final DataSource dataSource;
    private final IndicatorCatalog catalog;

    BulkEnterpriseLoad(DataSource dataSource, IndicatorCatalog catalog) {
        this.dataSource = dataSource;
        this.catalog = catalog;
    }

    Loaded load(long count, long seed, Path tmp) throws SQLException, IOException {
        long t0 = System.nanoTime();
        PopulationGenerator population = new PopulationGenerator(seed, catalog, new DocumentedBoundaries());
        Set<String> existing = new HashSet<>();
        long enterprises = 0;
        long facts = 0;
        double keySeconds;
        Path profilesFile = tmp.resolve("bench-enterprises.csv");
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement();
                 var rs = s.executeQuery("select uscc from enterprise")) {
                while (rs.next()) {
                    existing.add(rs.getString(1));
                }
            }
            c.setAutoCommit(false);
            List<String> factKeys = dropKeys(c, "enterprise_fact");
            try (Writer profiles = Files.newBufferedWriter(profilesFile, StandardCharsets.UTF_8);
                 Writer factRows = copyIn(c, "COPY enterprise_fact (uscc, indicator, period, value, file) FROM STDIN WITH (FORMAT csv)")) {
                for (long i = 0; i < count; i++) {
                    SyntheticEnterprise e = population.enterprise(i);
                    if (!existing.add(e.uscc)) {
                        continue;
                    }
                    profiles.write(csv(e.uscc) + ',' + csv(e.name) + ',' + csv(e.regionCode) + ',' + csv(e.industryCode)
                            + ',' + csv(e.size) + ',' + csv(attributesJson(e)) + '\n');
                    enterprises++;
                    for (Map.Entry<String, BigDecimal> f : e.facts.entrySet()) {
                        String key = f.getKey();
                        int bar = key.indexOf('|');
                        factRows.write(e.uscc + ',' + key.substring(0, bar) + ',' + csv(Period.parse(key.substring(bar + 1)).toString())
                                + ',' + f.getValue().stripTrailingZeros().toPlainString() + ",facts.csv\n");
                        facts++;
                    }
                }
            }
            try (Reader in = Files.newBufferedReader(profilesFile, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY enterprise (uscc, name, region_code, industry_code, size, "
                        + "attributes) FROM STDIN WITH (FORMAT csv)", in);
            }
            long k = System.nanoTime();
            addKeys(c, "enterprise_fact", factKeys);
            keySeconds = (System.nanoTime() - k) / 1e9;
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE enterprise");
                s.execute("ANALYZE enterprise_fact");
            }
        } finally {
            Files.deleteIfExists(profilesFile);
        }
        return new Loaded(enterprises, facts, (System.nanoTime() - t0) / 1e9, keySeconds);
    }

    /** Drops the table's primary and foreign keys (in the open transaction); returns the statements that add them back. */
    private static List<String> dropKeys(Connection c, String table) throws SQLException {
        List<String> add = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("""
                select conname, pg_get_constraintdef(oid) from pg_constraint
                where conrelid = cast(? as regclass) and contype in ('p', 'f') order by contype desc, conname""")) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    drop.add("drop constraint " + quote(rs.getString(1)));
                    add.add("add constraint " + quote(rs.getString(1)) + " " + rs.getString(2));
                }
            }
        }
        if (!drop.isEmpty()) {
            try (Statement s = c.createStatement()) {
                s.execute("alter table " + table + " " + String.join(", ", drop));
            }
        }
        return add;
    }

    private static void addKeys(Connection c, String table, List<String> add) throws SQLException {
        if (add.isEmpty()) {
            return;
        }
        try (Statement s = c.createStatement()) {
            // the primary key's index is built by one sort: give it the memory a restore would
            s.execute("set local maintenance_work_mem = '512MB'");
            s.execute("alter table " + table + " " + String.join(", ", add));
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static Writer copyIn(Connection c, String sql) throws SQLException {
        return new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(c.unwrap(PGConnection.class), sql, 1 << 16),
                StandardCharsets.UTF_8), 1 << 16);
    }

    /** As the importer stores them: booleans stay booleans, everything else its canonical text. */
    private String attributesJson(SyntheticEnterprise e) {
        Map<String, Object> out = new LinkedHashMap<>();
        e.attributes.forEach((id, text) -> {
            if (text == null || text.isBlank()) {
                return;
            }
            Object v = AttributeValues.parse(catalog.attribute(id).orElseThrow().type(), text);
            out.put(id, v instanceof Boolean b ? b : v instanceof BigDecimal d ? d.toPlainString() : v == null ? null : v.toString());
        });
        return JSON.writeValueAsString(out);
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
