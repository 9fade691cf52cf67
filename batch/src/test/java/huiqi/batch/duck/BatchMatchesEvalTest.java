package huiqi.batch.duck;

import huiqi.batch.run.BatchResult;
import huiqi.batch.run.BatchOptions;
import static org.assertj.core.api.Assertions.assertThat;

import huiqi.enterprise.InMemoryEnterpriseStore;
import huiqi.rules.eval.Evaluation;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch result file for a handful of generated enterprises equals what `./huiqi eval` computes for them
 * (the same Evaluator over the enterprises as the importer reads them), and the three output formats agree.
 */
class BatchMatchesEvalTest {
    @TempDir
    Path dir;

    @Test
    void resultFileRowsEqualEvalForEachEnterprise() throws Exception {
        TestPopulation.generate(300, 42, dir);
        InMemoryEnterpriseStore store = TestPopulation.imported(dir);
        Evaluator ev = new Evaluator(TestPopulation.CATALOG);
        Path csv = dir.resolve("out.csv");
        try (BatchRunner b = BatchRunner.open(dir, TestPopulation.CATALOG, TestPopulation.RULES, BatchOptions.defaults())) {
            BatchResult r = b.run(Overrides.NONE);
            b.write(r, csv, null);
            b.write(r, dir.resolve("out.parquet"), null);
            b.write(r, dir.resolve("out.xlsx"), null);
            assertThat(Files.size(dir.resolve("out.parquet"))).isPositive();
            assertThat(Files.size(dir.resolve("out.xlsx"))).isPositive();
        }
        List<CSVRecord> rows;
        try (var reader = Files.newBufferedReader(csv)) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
        assertThat(rows).hasSize(300 * TestPopulation.RULES.stream().mapToInt(f -> f.rules().size()).sum());
        int eligible = 0;
        for (CSVRecord row : rows) {
            Evaluation e = ev.evaluate(TestPopulation.RULES, store.record(row.get("uscc")).orElseThrow(), null, Overrides.NONE);
            RuleResult expected = e.results().stream().filter(x -> x.ruleId().equals(row.get("rule_id"))).findFirst().orElseThrow();
            assertThat(row.get("status")).as(row.toString()).isEqualTo(expected.status().json());
            if (expected.amount() == null) {
                assertThat(row.get("amount")).as(row.toString()).isEmpty();
            } else {
                assertThat(new BigDecimal(row.get("amount"))).as(row.toString()).isEqualByComparingTo(expected.amount());
            }
            assertThat(row.get("payer")).isEqualTo(expected.payers().isEmpty() ? "" : expected.payers().get(0).payer());
            if ("eligible".equals(row.get("status"))) {
                eligible++;
            }
        }
        assertThat(eligible).isPositive();
    }
}
