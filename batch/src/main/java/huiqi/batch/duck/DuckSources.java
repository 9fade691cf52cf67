package huiqi.batch.duck;

import huiqi.batch.sql.WideTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Table {@code profiles_src} (read once) and view {@code facts_src} over a data directory in the import format
 * (profiles.csv + long-form facts.csv, UTF-8 with or without BOM; or profiles.parquet / facts.parquet),
 * every column as text and named by id whether the header is the id or the Chinese name. DuckDB reads the
 * files itself (parallel, no rows through JDBC).
 */
final class DuckSources {
    private DuckSources() {
    }

    /** Creates the views; returns the profile column ids present. */
    static Set<String> create(Connection c, Path dir) throws IOException, SQLException {
        Path profiles = pick(dir, "profiles");
        Path facts = pick(dir, "facts");
        List<String> ph = header(profiles);
        List<String> fh = header(facts);
        Set<String> ids = new LinkedHashSet<>();
        List<String> pcols = new ArrayList<>();
        for (String h : ph) {
            String id = WideTable.HEADER_ALIASES.getOrDefault(h.trim(), h.trim());
            if (ids.add(id)) {
                pcols.add("CAST(" + quote(h) + " AS VARCHAR) AS " + quote(id));
            }
        }
        if (!ids.contains("uscc")) {
            throw new IllegalArgumentException(profiles + " 缺少 uscc（统一社会信用代码）列");
        }
        List<String> fcols = new ArrayList<>();
        Set<String> fids = new LinkedHashSet<>();
        for (String h : fh) {
            String id = WideTable.HEADER_ALIASES.getOrDefault(h.trim(), h.trim());
            if (List.of("uscc", "indicator", "period", "value").contains(id) && fids.add(id)) {
                fcols.add("CAST(" + quote(h) + " AS VARCHAR) AS " + id);
            }
        }
        if (fids.size() < 4) {
            throw new IllegalArgumentException(facts + " 需要 uscc、indicator、period、value 四列（或中文表头）");
        }
        try (Statement s = c.createStatement()) {
            // read once: the pivot, the wide table and budgets all read the profiles
            s.execute("CREATE OR REPLACE TABLE profiles_src AS SELECT " + String.join(", ", pcols) + " FROM " + reader(profiles));
            s.execute("CREATE OR REPLACE VIEW facts_src AS SELECT " + String.join(", ", fcols) + " FROM " + reader(facts));
            s.execute("CREATE OR REPLACE VIEW items_src AS " + items(dir));
        }
        return ids;
    }

    /** View {@code items_src} over the items file of {@code dir} (empty when there is none). */
    static void items(Connection c, Path dir) throws IOException, SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE VIEW items_src AS " + items(dir));
        }
    }

    /** items.csv / items.parquet (long form: uscc, kind, item_id, field, value; ids or Chinese headers), or none. */
    private static String items(Path dir) throws IOException, SQLException {
        Path p = onlyOne(dir, "items");
        if (p == null) {
            return huiqi.batch.sql.ItemSql.emptySource(huiqi.batch.sql.SqlDialect.DUCKDB);
        }
        List<String> cols = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (String h : header(p)) {
            String id = huiqi.batch.sql.ItemSql.HEADER_ALIASES.getOrDefault(h.trim(), h.trim());
            if (List.of("uscc", "kind", "item_id", "field", "value").contains(id) && ids.add(id)) {
                cols.add("CAST(" + quote(h) + " AS VARCHAR) AS " + id);
            }
        }
        if (ids.size() < 5) {
            throw new IllegalArgumentException(p + " 需要 uscc、kind、item_id、field、value 五列（或中文表头 统一社会信用代码、清单、编号、字段、值）");
        }
        return "SELECT " + String.join(", ", cols) + " FROM " + reader(p);
    }

    static Path pick(Path dir, String name) {
        Path p = onlyOne(dir, name);
        if (p != null) {
            return p;
        }
        throw new IllegalArgumentException("数据目录 " + dir + " 中没有 " + name + ".csv 或 " + name + ".parquet");
    }

    /** {@code name}.csv or {@code name}.parquet, none (null), or refused when both are there: which one is meant is unclear. */
    static Path onlyOne(Path dir, String name) {
        Path csv = dir.resolve(name + ".csv");
        Path parquet = dir.resolve(name + ".parquet");
        if (Files.isRegularFile(csv) && Files.isRegularFile(parquet)) {
            throw new IllegalArgumentException("数据目录 " + dir + " 中同时有 " + name + ".csv 和 " + name
                    + ".parquet，只能给一个：请删除或移走其中一个");
        }
        return Files.isRegularFile(csv) ? csv : Files.isRegularFile(parquet) ? parquet : null;
    }

    static String reader(Path p) {
        String path = "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
        if (p.toString().endsWith(".parquet")) {
            return "read_parquet(" + path + ")";
        }
        return "read_csv(" + path + ", header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')";
    }

    private static List<String> header(Path p) throws IOException, SQLException {
        if (p.toString().endsWith(".parquet")) {
            List<String> out = new ArrayList<>();
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                 Statement s = c.createStatement();
                 var rs = s.executeQuery("DESCRIBE SELECT * FROM " + reader(p))) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (line == null) {
                throw new IllegalArgumentException(p + " 是空文件");
            }
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            try (CSVParser parser = CSVParser.parse(line, CSVFormat.DEFAULT)) {
                CSVRecord rec = parser.getRecords().get(0);
                return rec.toList();
            }
        }
    }

    static String quote(String id) {
        return "\"" + id.replace("\"", "\"\"") + "\"";
    }
}
