package huiqi.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import huiqi.batch.budget.Budget;
import huiqi.batch.budget.BudgetAllocator;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.batch.duck.BatchRunner;
import huiqi.testdata.DocumentedBoundaries;
import huiqi.testdata.PopulationGenerator;
import huiqi.batch.whatif.Overlay;
import huiqi.batch.whatif.WhatIfReport;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleLibrary;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.RuleFile;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark local[2] and DuckDB on the same generated population (20,000 enterprises by default; -Dhuiqi.spark.n=…)
 * must agree on every enterprise, rule and payer: status, amount and each payer's part to the fen; also the
 * per-rule and per-payer summaries, a what-if variant, both budget policies and the written CSV byte for byte.
 * A failure names the first differing enterprise (by uscc) and rule.
 */
class SparkDifferentialTest {
    static final long SEED = 20240601;
    static final long N = Long.getLong("huiqi.spark.n", 20_000);
    static final IndicatorCatalog CATALOG = RuleLibrary.catalog();

    @TempDir
    static Path dir;
    static List<RuleFile> rules;
    static SparkSession spark;
    static BatchRunner duck;
    static SparkBatchRunner sparkRunner;
    static BatchResult duckBase;
    static BatchResult sparkBase;

    @BeforeAll
    static void run() throws Exception {
        Path policies = IndicatorCatalog.locate(Path.of("")).getParent().resolve("policies");
        RuleLibrary.Loaded loaded = RuleLibrary.load(policies, CATALOG);
        assertThat(loaded.problems()).isEmpty();
        rules = loaded.files();
        Path data = dir.resolve("data");
        new PopulationGenerator(SEED, CATALOG, new DocumentedBoundaries()).generate(N, data, null);
        duck = BatchRunner.open(data, CATALOG, rules, BatchOptions.defaults());
        duckBase = duck.run(Overrides.NONE);
        spark = SparkSessions.create("local[2]");
        sparkRunner = SparkBatchRunner.open(spark, data.toString(), CATALOG, rules,
                new BatchOptions(null, null, null, m -> System.err.println("  spark: " + m)));
        sparkBase = sparkRunner.run(Overrides.NONE);
    }

    @AfterAll
    static void close() throws Exception {
        if (sparkRunner != null) {
            sparkRunner.close();
        }
        if (spark != null) {
            spark.stop();
        }
        if (duck != null) {
            duck.close();
        }
    }

    @Test
    void everyEnterpriseRuleAndPayerAgreesToTheFen() throws Exception {
        assertThat(sparkRunner.enterprises()).isEqualTo(N);
        assertSameRows(duckBase, sparkBase);
        // the population exercises the rules: most rules have eligible and ineligible enterprises
        long withBoth = duckBase.rules().stream().filter(r -> r.eligible() > 0 && r.ineligible() > 0).count();
        assertThat(withBoth).isGreaterThan(duckBase.rules().size() / 2);
    }

    @Test
    void summariesPerRuleAndPayerAreEqual() {
        assertThat(sparkBase.rules()).isEqualTo(duckBase.rules());
        assertThat(sparkBase.byPayer()).isEqualTo(duckBase.byPayer());
        assertThat(sparkBase.byPayer().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isPositive();
    }

    @Test
    void whatIfVariantAgrees() throws Exception {
        Overrides o = Overlay.parse(List.of("fz-2024-2/7.rate=0.03元/千瓦时", "fz-2024-2/7.threshold=40万千瓦时")).overrides();
        BatchResult d = duck.run(o);
        BatchResult s = sparkRunner.run(o);
        assertSameRows(d, s);
        WhatIfReport dr = duck.compare("x", duckBase, d);
        WhatIfReport sr = sparkRunner.compare("x", sparkBase, s);
        assertThat(sr).isEqualTo(dr);
        assertThat(dr.byRule().get("fz-2024-2/7").changed()).isPositive();
    }

    @Test
    void budgetsAllocateIdenticallyAndTheCsvFilesAreByteForByteEqual() throws Exception {
        BigDecimal total7 = duckBase.rule("fz-2024-2/7").total();
        BigDecimal total6 = duckBase.rule("fz-2024-2/6").total();
        String payer = "市级·市财政局";
        // oversubscribed budgets with odd amounts, so remainders and the crossing claim matter
        List<Budget> budgets = List.of(
                new Budget("pro", payer, List.of("fz-2024-2/7"), total7.multiply(new BigDecimal("0.613")).setScale(2, java.math.RoundingMode.DOWN).add(new BigDecimal("0.01")),
                        Budget.Policy.PRO_RATA, null),
                new Budget("first", payer, List.of("fz-2024-2/6"), total6.divide(new BigDecimal(3), 2, java.math.RoundingMode.DOWN),
                        Budget.Policy.FIRST_COME, "established_date"));
        List<BudgetAllocator.Allocation> d = duck.allocate(duckBase, budgets);
        List<BudgetAllocator.Allocation> s = sparkRunner.allocate(sparkBase, budgets);
        assertThat(s).isEqualTo(d);
        assertThat(d).allSatisfy(a -> {
            assertThat(a.oversubscribed()).isTrue();
            assertThat(a.allocated()).isEqualByComparingTo(a.budget().amount());
        });
        Path duckCsv = dir.resolve("duck.csv");
        Path sparkCsv = dir.resolve("spark.csv");
        duck.write(duckBase, duckCsv, "budget_by_rule");
        sparkRunner.write(sparkBase, sparkCsv.toString(), true);
        assertSameLines(duckCsv, sparkCsv);
        assertThat(Files.size(sparkCsv)).isEqualTo(Files.size(duckCsv));
    }

    /** Both result tables, every enterprise × rule × (status, amount, payer 1, payer 2); the first difference fails. */
    private static void assertSameRows(BatchResult d, BatchResult s) throws Exception {
        SameRows.assertSame(duck, d, sparkRunner, s, N);
    }

    private static void assertSameLines(Path expected, Path actual) throws Exception {
        List<String> a = Files.readAllLines(expected);
        List<String> b = Files.readAllLines(actual);
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                fail("CSV 第 %d 行不同：%nDuckDB: %s%nSpark:  %s", i + 1, a.get(i), b.get(i));
            }
        }
        assertThat(b).hasSameSizeAs(a);
    }
}
