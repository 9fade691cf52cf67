package huiqi.web.rulesets;

import huiqi.batch.duck.BatchRunner;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.batch.run.RuleSummary;
import huiqi.batch.sql.CompiledRule;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.RuleFile;
import huiqi.web.batch.PgDataExport;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The impact of a version against the published one over every enterprise in the database, with the batch engine
 * (huiqi.batch: one PostgreSQL export, a DuckDB evaluation of each rule set, like a batch run's what-if): which
 * enterprises become eligible under the policy and which no longer are, and the money by payer and by 区划 before
 * and after. Only CNY amounts are summed. Each side's result is handed over through a Parquet file.
 */
@Component
public class RuleSetImpact {
    /** How many gained and lost enterprises are listed by name (the counts are always complete). */
    static final int LISTED = 50;

    public record Enterprise(String uscc, String name, String region) {
    }

    public record Money(String key, BigDecimal before, BigDecimal after) {
        public BigDecimal delta() {
            return after.subtract(before);
        }
    }

    public record RuleCount(String ruleId, String title, long eligibleBefore, long eligibleAfter,
                            BigDecimal totalBefore, BigDecimal totalAfter) {
    }

    public record Impact(long enterprises, long gained, long lost, List<Enterprise> gainedList,
                         List<Enterprise> lostList, List<Money> byPayer, List<Money> byRegion, List<RuleCount> rules) {
    }

    private final PgDataExport export;
    private final IndicatorCatalog catalog;
    private final String memoryLimit;
    private final int threads;

    RuleSetImpact(PgDataExport export, IndicatorCatalog catalog,
                  @Value("${huiqi.batch.memory-limit:2GB}") String memoryLimit,
                  @Value("${huiqi.batch.threads:2}") int threads) {
        this.export = export;
        this.catalog = catalog;
        this.memoryLimit = memoryLimit;
        this.threads = threads;
    }

    /** {@code published} null: a policy's first version (everything it pays is new). */
    public Impact compute(RuleFile published, RuleFile proposed) throws IOException, SQLException {
        return compute(published, proposed, List.of());
    }

    /**
     * The same for a version that proposes indicators the catalog lacks ({@code newIndicators}, #16 item 6): the
     * proposed version is run over the catalog with them (nobody has data for them yet, so they count as unknown).
     */
    public Impact compute(RuleFile published, RuleFile proposed, List<IndicatorCatalog.Indicator> newIndicators)
            throws IOException, SQLException {
        IndicatorCatalog proposedCatalog = newIndicators.isEmpty() ? catalog : catalog.with(newIndicators);
        Path dir = Files.createTempDirectory("huiqi-impact-");
        try {
            export.export(dir, () -> { });
            BatchOptions options = new BatchOptions(null, memoryLimit, threads, m -> { });
            Map<String, RuleSummary> before = new LinkedHashMap<>();
            if (published != null) {
                try (BatchRunner a = BatchRunner.open(dir, catalog, List.of(published), options)) {
                    BatchResult r = a.run(Overrides.NONE);
                    r.rules().forEach(s -> before.put(s.ruleId(), s));
                    copy(a.connection(), eligible(r), dir.resolve("before_eligible.parquet"));
                    copy(a.connection(), amounts(r), dir.resolve("before_amounts.parquet"));
                }
            }
            try (BatchRunner b = BatchRunner.open(dir, proposedCatalog, List.of(proposed), options)) {
                BatchResult r = b.run(Overrides.NONE);
                Connection c = b.connection();
                if (published != null) {
                    execute(c, "CREATE TABLE before_eligible AS SELECT * FROM read_parquet('"
                            + dir.resolve("before_eligible.parquet") + "')");
                    execute(c, "CREATE TABLE before_amounts AS SELECT * FROM read_parquet('"
                            + dir.resolve("before_amounts.parquet") + "')");
                } else {
                    execute(c, "CREATE TABLE before_eligible (uscc VARCHAR)");
                    execute(c, "CREATE TABLE before_amounts (uscc VARCHAR, region VARCHAR, payer VARCHAR, amount DECIMAL(18, 2))");
                }
                execute(c, "CREATE TABLE after_eligible AS " + eligible(r));
                execute(c, "CREATE TABLE after_amounts AS " + amounts(r));
                List<RuleCount> rules = new ArrayList<>();
                for (RuleSummary s : r.rules()) {
                    RuleSummary o = before.remove(s.ruleId());
                    rules.add(new RuleCount(s.ruleId(), s.title(), o == null ? 0 : o.eligible(), s.eligible(),
                            o == null ? null : o.total(), s.total()));
                }
                before.values().forEach(o -> rules.add(new RuleCount(o.ruleId(), o.title(), o.eligible(), 0, o.total(), null)));
                return new Impact(r.enterprises(),
                        count(c, "SELECT count(*) FROM after_eligible WHERE uscc NOT IN (SELECT uscc FROM before_eligible)"),
                        count(c, "SELECT count(*) FROM before_eligible WHERE uscc NOT IN (SELECT uscc FROM after_eligible)"),
                        enterprises(c, "after_eligible", "before_eligible"), enterprises(c, "before_eligible", "after_eligible"),
                        money(c, "payer"), money(c, "region"), rules);
            }
        } finally {
            delete(dir);
        }
    }

    /** Enterprises eligible for at least one rule of the result. */
    static String eligible(BatchResult r) {
        List<String> any = r.compiled().rules().stream().map(x -> huiqi.batch.sql.Status.eligible(x.statusColumn())).toList();
        return any.isEmpty() ? "SELECT CAST(NULL AS VARCHAR) AS uscc WHERE FALSE"
                : "SELECT DISTINCT uscc FROM " + r.table() + " WHERE " + String.join(" OR ", any);
    }

    /** Long form (uscc, region, payer, amount) of every CNY payer amount of the result. */
    static String amounts(BatchResult r) {
        List<String> parts = new ArrayList<>();
        for (CompiledRule x : r.compiled().rules()) {
            if (x.amountColumn() == null || !"CNY".equals(x.rule().currency())) {
                continue;
            }
            parts.add(part(r.table(), x.payer1Column(), x.payer1()));
            if (x.payer2Column() != null) {
                parts.add(part(r.table(), x.payer2Column(), x.payer2()));
            }
        }
        String union = parts.isEmpty() ? "SELECT CAST(NULL AS VARCHAR) AS uscc, CAST(NULL AS VARCHAR) AS payer, "
                + "CAST(NULL AS DECIMAL(18, 2)) AS amount WHERE FALSE" : String.join(" UNION ALL ", parts);
        return "SELECT x.uscc, coalesce(nullif(trim(p.region_code), ''), '（未填）') AS region, x.payer, x.amount FROM ("
                + union + ") AS x JOIN profiles_src p ON p.uscc = x.uscc";
    }

    private static String part(String table, String column, String payer) {
        return "SELECT uscc, '" + payer.replace("'", "''") + "' AS payer, CAST(" + column
                + " AS DECIMAL(18, 2)) AS amount FROM " + table + " WHERE " + column + " IS NOT NULL AND " + column + " <> 0";
    }

    private static List<Enterprise> enterprises(Connection c, String in, String notIn) throws SQLException {
        List<Enterprise> out = new ArrayList<>();
        String q = "SELECT e.uscc, p.name, p.region_code FROM " + in + " e JOIN profiles_src p ON p.uscc = e.uscc"
                + " WHERE e.uscc NOT IN (SELECT uscc FROM " + notIn + ") ORDER BY e.uscc LIMIT " + LISTED;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(q)) {
            while (rs.next()) {
                out.add(new Enterprise(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    private static List<Money> money(Connection c, String key) throws SQLException {
        String q = "SELECT k, sum(b), sum(a) FROM (SELECT " + key + " AS k, amount AS b, 0 AS a FROM before_amounts"
                + " UNION ALL SELECT " + key + ", 0, amount FROM after_amounts) GROUP BY k ORDER BY k";
        List<Money> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(q)) {
            while (rs.next()) {
                out.add(new Money(rs.getString(1), scale(rs.getBigDecimal(2)), scale(rs.getBigDecimal(3))));
            }
        }
        return out;
    }

    private static BigDecimal scale(BigDecimal v) {
        return (v == null ? BigDecimal.ZERO : v).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static long count(Connection c, String q) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(q)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void copy(Connection c, String query, Path file) throws SQLException {
        execute(c, "COPY (" + query + ") TO '" + file.toString().replace("'", "''") + "' (FORMAT parquet)");
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
