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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts N generated enterprises (the testdata population of a seed) into the platform's PostgreSQL with COPY … FROM
 * STDIN: profiles stream straight into enterprise, facts go through a temporary CSV file (their foreign key needs
 * the profiles committed first). Stored the way the importer stores them (attributes as JSON scalars, periods in
 * canonical form); usccs already in the database (the demo population) are skipped.
 */
final class BulkEnterpriseLoad {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Loaded(long enterprises, long facts, double seconds) {
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
        Path factsFile = tmp.resolve("bench-facts.csv");
        long enterprises = 0;
        long facts = 0;
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement();
                 var rs = s.executeQuery("select uscc from enterprise")) {
                while (rs.next()) {
                    existing.add(rs.getString(1));
                }
            }
            c.setAutoCommit(false);
            try (Writer profiles = copyIn(c, "COPY enterprise (uscc, name, region_code, industry_code, size, attributes) "
                    + "FROM STDIN WITH (FORMAT csv)");
                 Writer factRows = Files.newBufferedWriter(factsFile, StandardCharsets.UTF_8)) {
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
            c.commit();
            try (Reader in = Files.newBufferedReader(factsFile, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY enterprise_fact (uscc, indicator, period, value, file) FROM STDIN WITH (FORMAT csv)", in);
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE enterprise");
                s.execute("ANALYZE enterprise_fact");
            }
        } finally {
            Files.deleteIfExists(factsFile);
        }
        return new Loaded(enterprises, facts, (System.nanoTime() - t0) / 1e9);
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
