package huiqi.web.batch;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.batch.whatif.Overlay;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Overrides;
import huiqi.web.rules.RuleBook;
import java.util.List;
import java.util.Map;
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
    @Autowired
    BatchResults results;

    @Test
    void theIncrementalWhatIfStoresWhatAFullRunComputes() throws Exception {
        // 1-4.extra reaches 1-4 and, through 取高不重复, 1-5: two of the document's rules are evaluated again
        String set = "gl-2023-1/1-4.extra";
        BatchRun run = AwaitRun.await(service, runs, service.start(new BatchRunRequest("gl-2023-1", null,
                Map.of(set, "0.075"), null), "admin").id());
        assertThat(run.status()).as(run.error()).isEqualTo(BatchRun.DONE);

        Overrides overlay = Overlay.parse(List.of(set + "=0.075")).overrides();
        List<Map<String, String>> cold = ColdRun.rows(export, catalog, List.of(book.fileOf("gl-2023-1").orElseThrow()),
                Overrides.NONE, overlay);
        Map<String, String> base = cold.get(0);
        Map<String, String> full = cold.get(1);
        Map<String, String> stored = ColdRun.stored(results, run.id(), false);
        Map<String, String> storedBase = ColdRun.stored(results, run.id(), true);
        assertThat(stored).hasSize(full.size()).isEqualTo(full);
        assertThat(storedBase).isEqualTo(base);
        assertThat(full).isNotEqualTo(base); // the overlay changed some amounts: the comparison could fail
        List<BatchRunStore.RuleRow> variant = runs.rules(run.id()).stream().filter(r -> r.variant().equals("variant")).toList();
        assertThat(variant).filteredOn(r -> r.changed() != null && r.changed() > 0)
                .extracting(BatchRunStore.RuleRow::ruleId).contains("gl-2023-1/1-4");
    }
}
