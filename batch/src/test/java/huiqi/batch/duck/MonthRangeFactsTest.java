package huiqi.batch.duck;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.enterprise.InMemoryEnterpriseStore;
import huiqi.facts.Period;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One period syntax everywhere: a facts file may write a range of whole months as 2024-01..2024-02, and the batch
 * reads it as the importer (and so the interpreter) does: the value reported for exactly that range.
 */
class MonthRangeFactsTest {
    @TempDir
    Path dir;

    @Test
    void aMonthRangeWrittenByMonthsIsTheRangesValueInBothPaths() throws Exception {
        TestPopulation.generate(200, 7, dir);
        List<String> usccs = new ArrayList<>();
        try (var reader = Files.newBufferedReader(dir.resolve("profiles.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                usccs.add(r.get("uscc"));
            }
        }
        StringBuilder extra = new StringBuilder();
        for (String u : usccs.subList(0, 60)) { // 1-2月 reported as one value, far above the months' sum
            extra.append(u).append(",electricity_kwh,2024-01..2024-02,90000000,供电公司\n");
        }
        Files.writeString(dir.resolve("facts.csv"), extra, StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        InMemoryEnterpriseStore store = TestPopulation.imported(dir);
        Evaluator ev = new Evaluator(TestPopulation.CATALOG);
        Path csv = dir.resolve("out.csv");
        try (BatchRunner b = BatchRunner.open(dir, TestPopulation.CATALOG, TestPopulation.RULES, BatchOptions.defaults())) {
            BatchResult r = b.run(Overrides.NONE);
            b.write(r, csv, null);
        }
        int compared = 0;
        try (var reader = Files.newBufferedReader(csv)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                if (!usccs.subList(0, 60).contains(row.get("uscc")) || !row.get("rule_id").startsWith("qt-2024-3/9")) {
                    continue;
                }
                RuleResult expected = ev.evaluate(TestPopulation.RULES, store.record(row.get("uscc")).orElseThrow(), null,
                        Overrides.NONE).results().stream().filter(x -> x.ruleId().equals(row.get("rule_id"))).findFirst().orElseThrow();
                assertThat(row.get("status")).as(row.toString()).isEqualTo(expected.status().json());
                if (expected.amount() != null) {
                    assertThat(new BigDecimal(row.get("amount"))).as(row.toString()).isEqualByComparingTo(expected.amount());
                }
                compared++;
            }
        }
        assertThat(compared).isEqualTo(120);
        // the importer kept the range as the range the rule reads (qt-2024-3/9-1: 2024年1-2月)
        assertThat(store.record(usccs.get(0)).orElseThrow().facts()
                .get("electricity_kwh", Period.parse("2024-01-01..2024-02-29"))).isPresent();
    }
}
