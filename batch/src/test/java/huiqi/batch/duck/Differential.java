package huiqi.batch.duck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.rules.Status;
import huiqi.rules.eval.Evaluation;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.file.RuleFile;
import huiqi.testdata.PopulationGenerator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The interpreter (per enterprise, BigDecimal) and the SQL path (DuckDB) over one generated population must agree
 * on every rule's status and amount to the fen, and on each payer's part. Returns how many enterprises each rule
 * made eligible, so a caller can check the population exercised the rules.
 */
final class Differential {
    private Differential() {
    }

    /** How many rules were compared, and how many enterprises each rule made eligible (rules with none absent). */
    record Outcome(int rules, Map<String, Long> eligible) { }

    static Outcome compare(Path dir, List<RuleFile> rules, PopulationGenerator generator, int n, LocalDate asOf,
                                     Overrides overrides) throws Exception {
        long t0 = System.nanoTime();
        generator.generate(n, dir, null);
        long t1 = System.nanoTime();
        Map<String, EnterpriseRecord> records = GeneratedRecords.of(generator, n, TestPopulation.CATALOG);
        System.err.printf("生成 %.1f 秒，读入 %.1f 秒%n", (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
        Evaluator evaluator = new Evaluator(TestPopulation.CATALOG);
        Map<String, Long> eligible = new HashMap<>();
        int rulesCompared;
        try (BatchRunner b = BatchRunner.open(dir, TestPopulation.CATALOG, rules, BatchOptions.defaults().withAsOf(asOf))) {
            BatchResult r = b.run(overrides);
            assertThat(r.enterprises()).isEqualTo(n);
            long compared = 0;
            String evaluatedUscc = null;
            Evaluation ev = null;
            try (Statement s = b.connection().createStatement();
                 ResultSet rs = s.executeQuery(b.longQuery(r, null))) {
                while (rs.next()) {
                    String uscc = rs.getString("uscc");
                    String ruleId = rs.getString("rule_id");
                    if (!uscc.equals(evaluatedUscc)) {
                        EnterpriseRecord rec = records.get(uscc);
                        ev = evaluator.evaluate(rules, rec, asOf, overrides);
                        evaluatedUscc = uscc;
                    }
                    RuleResult expected = ev.results().stream().filter(x -> x.ruleId().equals(ruleId)).findFirst()
                            .orElseThrow(() -> new AssertionError("解释器没有规则 " + ruleId + " 的结果"));
                    String status = rs.getString("status");
                    BigDecimal amount = rs.getBigDecimal("amount");
                    BigDecimal payer = rs.getBigDecimal("payer_amount");
                    BigDecimal payer2 = rs.getBigDecimal("payer2_amount");
                    boolean same = expected.status().json().equals(status) && equal(expected.amount(), amount);
                    if (same && expected.status() == Status.ELIGIBLE && expected.payers().size() > 1) {
                        // two payers: both parts exact to the fen (the interpreter splits on the exact fraction, as SQL does)
                        same = equal(expected.payers().get(0).amount(), payer) && equal(expected.payers().get(1).amount(), payer2);
                    } else if (same && expected.status() == Status.ELIGIBLE && !expected.payers().isEmpty()) {
                        same = equal(expected.payers().get(0).amount(), payer);
                    }
                    if (!same) {
                        fail("第一处不一致：企业 " + uscc + " 规则 " + ruleId + "\n解释器：" + expected.status().json() + " "
                                + expected.amount() + " 付款 " + expected.payers() + "\n  " + String.join("\n  ", expected.explanation())
                                + "\n  缺：" + expected.missing() + "\nSQL：" + status + " " + amount + " 付款 " + payer + " / " + payer2
                                + "\n" + SqlTrace.of(b, r, uscc, ruleId));
                    }
                    if (expected.status() == Status.ELIGIBLE) {
                        eligible.merge(ruleId, 1L, Long::sum);
                    }
                    compared++;
                }
            }
            assertThat(compared).isEqualTo((long) n * r.rules().size());
            System.err.printf("比对 %,d 行（%,d 家 × %d 条规则）%n", compared, n, r.rules().size());
            // the comparison proves little unless the population makes rules eligible; rare ones are listed
            List<String> never = r.rules().stream().map(x -> x.ruleId()).filter(id -> !eligible.containsKey(id)).toList();
            if (!never.isEmpty()) {
                System.err.println("本人口中没有符合以下规则的企业：" + never);
            }
            rulesCompared = r.rules().size();
        }
        return new Outcome(rulesCompared, eligible);
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
