package huiqi.web.batch;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.batch.budget.Budget;
import huiqi.batch.budget.BudgetAllocator;
import huiqi.batch.duck.BatchRunner;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.batch.sql.CompiledRule;
import huiqi.batch.whatif.Overlay;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.RuleLibrary;
import huiqi.testdata.DocumentedBoundaries;
import huiqi.testdata.PopulationGenerator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's file holds exactly the rows of the long result (with what-if baseline and budget allocation), in the
 * order the results table pages them (uscc, rule_no), written within a small DuckDB memory limit.
 */
class BatchResultRowsTest {
    static final int ENTERPRISES = 3000;

    @TempDir
    Path dir;

    @Test
    void theFileHoldsEveryRowOfTheLongResultInUsccRuleOrder() throws Exception {
        RuleLibrary.Loaded rules = RuleLibrary.load(IndicatorCatalog.locate(Path.of("")).getParent().resolve("policies"),
                RuleLibrary.catalog());
        IndicatorCatalog catalog = RuleLibrary.catalog();
        new PopulationGenerator(21, catalog, new DocumentedBoundaries()).generate(ENTERPRISES, dir.resolve("data"), null);
        BatchOptions options = new BatchOptions(null, "512MB", 2, null).withSpill(dir.resolve("spill"));
        try (BatchRunner runner = BatchRunner.open(dir.resolve("data"), catalog, rules.files(), options);
             Statement s = runner.connection().createStatement()) {
            BatchResult base = runner.run(Overrides.NONE);
            BatchResult variant = runner.whatIf(base, Overlay.parse(List.of("gl-2023-1/1-4.extra=0.075")).overrides());
            List<BudgetAllocator.Allocation> allocations = runner.allocate(variant, List.of(budget(variant)));
            Path file = dir.resolve("run.parquet");

            BatchResultStore.writeFile(s, base, variant, allocations, file);

            Map<String, String> expected = expected(s, runner, base, variant);
            Map<String, Integer> ruleNo = new HashMap<>();
            variant.compiled().rules().forEach(cr -> ruleNo.put(cr.rule().id(), cr.index()));
            // every row as the results table, the API and the export read it, in their order
            List<BatchResults.Row> rows = new ArrayList<>();
            new ResultFileReader("256MB").each(file, new ResultFilter(null, null, null), rows::add);
            List<Integer> fileRuleNo = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT rule_no FROM read_parquet(" + BatchResultStore.literal(file)
                    + ", file_row_number = true) ORDER BY file_row_number")) {
                while (rs.next()) {
                    fileRuleNo.add(rs.getInt(1));
                }
            }
            assertThat(fileRuleNo).hasSameSizeAs(rows);
            Map<String, String> written = new HashMap<>();
            String before = "";
            for (int i = 0; i < rows.size(); i++) {
                BatchResults.Row r = rows.get(i);
                String key = r.uscc() + " " + r.ruleId();
                assertThat(fileRuleNo.get(i)).as(key).isEqualTo(ruleNo.get(r.ruleId()));
                String position = r.uscc() + String.format(" %05d", ruleNo.get(r.ruleId()));
                assertThat(position).as("file order").isGreaterThan(before);
                before = position;
                written.put(key, values(r));
            }
            assertThat(written).hasSize(ENTERPRISES * variant.rules().size()).isEqualTo(expected);
            // the comparison could fail: some rows have an allocation, some a changed baseline
            assertThat(rows).anyMatch(r -> r.allocated() != null)
                    .anyMatch(r -> !Objects.equals(r.amount(), r.baseAmount()));

            // the rows PostgreSQL keeps: the run's id, every column of the file's rows except 不符合
            Path csv = dir.resolve("rows.csv");
            s.execute(BatchResultStore.pgRowsCopy(9, file, ResultFileLayout.of(variant), csv));
            long kept = rows.stream().filter(r -> !"ineligible".equals(r.status())).count();
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE column00 <> 9), count(*) FILTER "
                    + "(WHERE column06 = 'ineligible') FROM read_csv(" + BatchResultStore.literal(csv) + ", header = false)")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(kept).isPositive();
                assertThat(rs.getLong(2)).isZero();
                assertThat(rs.getLong(3)).isZero();
            }
            try (ResultSet rs = s.executeQuery("SELECT column01, column04, column05 FROM read_csv("
                    + BatchResultStore.literal(csv) + ", header = false, all_varchar = true)")) {
                while (rs.next()) {
                    assertThat(Integer.valueOf(rs.getString(2))).as(rs.getString(1)).isEqualTo(ruleNo.get(rs.getString(3)));
                }
            }
        }
    }

    static final String VALUES = "name, region_code, status, amount, currency, payer, payer_amount, payer2, payer2_amount, "
            + "allocated, shortfall, base_status, base_amount";

    /** The long result of the variant with budget, joined with names and the baseline's long result. */
    private static Map<String, String> expected(Statement s, BatchRunner runner, BatchResult base, BatchResult variant)
            throws Exception {
        Map<String, String> out = new HashMap<>();
        try (ResultSet rs = s.executeQuery("SELECT v.uscc, v.rule_id, p.name, p.region_code, v.status, v.amount, v.currency, "
                + "v.payer, v.payer_amount, v.payer2, v.payer2_amount, v.allocated, v.shortfall, b.status AS base_status, "
                + "b.amount AS base_amount FROM (" + runner.longQuery(variant, "budget_by_rule") + ") v "
                + "JOIN profiles_src p ON p.uscc = v.uscc LEFT JOIN (" + runner.longQuery(base, null)
                + ") b ON b.uscc = v.uscc AND b.rule_id = v.rule_id")) {
            while (rs.next()) {
                out.put(rs.getString("uscc") + " " + rs.getString("rule_id"), values(rs));
            }
        }
        return out;
    }

    private static String values(ResultSet rs) throws Exception {
        StringBuilder b = new StringBuilder();
        for (String c : VALUES.split(", ")) {
            append(b, c, rs.getObject(c));
        }
        return b.toString();
    }

    private static String values(BatchResults.Row r) {
        Object[] v = {r.name(), r.regionCode(), r.status(), r.amount(), r.currency(), r.payer(), r.payerAmount(), r.payer2(),
                r.payer2Amount(), r.allocated(), r.shortfall(), r.baseStatus(), r.baseAmount()};
        StringBuilder b = new StringBuilder();
        String[] names = VALUES.split(", ");
        for (int i = 0; i < names.length; i++) {
            append(b, names[i], v[i]);
        }
        return b.toString();
    }

    private static void append(StringBuilder b, String column, Object v) {
        b.append(column).append('=').append(v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v).append(' ');
    }

    /** A budget over every CNY amount rule of the first payer, far below what they claim (so shortfalls appear). */
    private static Budget budget(BatchResult r) {
        CompiledRule first = r.compiled().rules().stream()
                .filter(cr -> cr.amountColumn() != null && "CNY".equals(cr.rule().currency())).findFirst().orElseThrow();
        String payer = first.payer1();
        List<String> ids = r.compiled().rules().stream()
                .filter(cr -> cr.amountColumn() != null && "CNY".equals(cr.rule().currency()))
                .filter(cr -> payer.equals(cr.payer1()) || payer.equals(cr.payer2()))
                .map(cr -> cr.rule().id()).toList();
        return new Budget(payer + "预算", payer, ids, new BigDecimal("100000.00"), Budget.Policy.PRO_RATA,
                BatchRunSpec.ORDER_COLUMN);
    }
}
