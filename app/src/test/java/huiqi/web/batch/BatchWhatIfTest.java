package huiqi.web.batch;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.batch.duck.BatchRunner;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.batch.whatif.Overlay;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.RuleFile;
import huiqi.web.rules.RuleBook;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The platform's what-if evaluates again only the rules the changed parameters reach (BatchPipeline.whatIf); its
 * stored rows must equal a full evaluation of every rule with the overlay, and its base columns the baseline's.
 */
@PlatformTest
class BatchWhatIfTest {
    @Autowired
    BatchRunService service;
    @Autowired
    BatchRunStore runs;
    @Autowired
    PgDataExport export;
    @Autowired
    RuleBook book;
    @Autowired
    IndicatorCatalog catalog;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theIncrementalWhatIfStoresWhatAFullRunComputes() throws Exception {
        // 1-4.extra reaches 1-4 and, through 取高不重复, 1-5: two of the document's rules are evaluated again
        String set = "gl-2023-1/1-4.extra";
        BatchRun run = await(service.start(new BatchRunRequest("gl-2023-1", null,
                Map.of(set, "0.075"), null), "admin").id());
        assertThat(run.status()).as(run.error()).isEqualTo(BatchRun.DONE);

        Overrides overlay = Overlay.parse(List.of(set + "=0.075")).overrides();
        List<RuleFile> doc = List.of(book.fileOf("gl-2023-1").orElseThrow());
        Map<String, String> full;
        Map<String, String> base;
        Path dir = Files.createTempDirectory("huiqi-whatif-test-");
        try {
            export.export(dir, () -> { });
            try (BatchRunner runner = BatchRunner.open(dir, catalog, doc, new BatchOptions(null, "512MB", 1, null))) {
                base = rows(runner, runner.run(Overrides.NONE));
                full = rows(runner, runner.run(overlay));
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Map<String, String> stored = new HashMap<>();
        Map<String, String> storedBase = new HashMap<>();
        jdbc.sql("select uscc, rule_id, status, amount, base_status, base_amount from batch_result where run_id = ?")
                .param(run.id()).query(rs -> {
                    String key = rs.getString(1) + " " + rs.getString(2);
                    stored.put(key, rs.getString(3) + " " + plain(rs.getBigDecimal(4)));
                    storedBase.put(key, rs.getString(5) + " " + plain(rs.getBigDecimal(6)));
                });
        assertThat(stored).hasSize(full.size()).isEqualTo(full);
        assertThat(storedBase).isEqualTo(base);
        assertThat(full).isNotEqualTo(base); // the overlay changed some amounts: the comparison could fail
        List<BatchRunStore.RuleRow> variant = runs.rules(run.id()).stream().filter(r -> r.variant().equals("variant")).toList();
        assertThat(variant).filteredOn(r -> r.changed() != null && r.changed() > 0)
                .extracting(BatchRunStore.RuleRow::ruleId).contains("gl-2023-1/1-4");
    }

    private BatchRun await(long id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            BatchRun r = runs.find(id).orElseThrow();
            if (r.finished()) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("运行 " + id + " 未在 2 分钟内结束");
    }

    private static Map<String, String> rows(BatchRunner runner, BatchResult r) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (Statement s = runner.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT uscc, rule_id, status, amount FROM (" + runner.longQuery(r, null) + ")")) {
            while (rs.next()) {
                out.put(rs.getString(1) + " " + rs.getString(2), rs.getString(3) + " " + plain(rs.getBigDecimal(4)));
            }
        }
        return out;
    }

    private static String plain(BigDecimal d) {
        return d == null ? "null" : d.stripTrailingZeros().toPlainString();
    }
}
