package huiqi.web.batch;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.batch.pipeline.BatchPipeline;
import huiqi.batch.sql.FactColumn;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.RuleFile;
import huiqi.web.enterprise.EnterpriseImportService;
import huiqi.web.enterprise.ImportUndo;
import huiqi.web.rules.RuleBook;
import huiqi.web.security.HuiqiUser;
import huiqi.web.security.Role;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The export is reused while the data is unchanged, and an import or its undo is a new version: each run's
 * stored rows equal a cold run's (fresh export, no cache) over the data as it is then.
 */
@PlatformTest
class BatchDataCacheTest {
    static final HuiqiUser ADMIN = new HuiqiUser("admin", "x", true, Role.ADMIN, "管理员", null, null);
    static final String DOC = "fz-2024-2";
    static final String RULE = "fz-2024-2/7";

    @Autowired
    BatchRunService service;
    @Autowired
    BatchRunStore runs;
    @Autowired
    BatchDataCache cache;
    @Autowired
    PgDataExport export;
    @Autowired
    EnterpriseImportService imports;
    @Autowired
    ImportUndo undo;
    @Autowired
    RuleBook book;
    @Autowired
    IndicatorCatalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BatchResults results;

    @Test
    void anImportAndItsUndoAreNewVersionsAndEveryRunEqualsAColdRun() throws Exception {
        Map<String, String> first = runAndCompare();
        String version = export.<String>inSnapshot(c -> cache.version(c, read(book, catalog)));
        BatchDataCache.Data again = cache.current(read(book, catalog), () -> { }, () -> { });
        assertThat(again.exported()).as("unchanged data is not exported again").isFalse();
        assertThat(runAndCompare()).isEqualTo(first);

        // an eligible enterprise below the cap uses more electricity in February: its amount grows
        Map<String, Object> target = jdbc.sql("""
                select r.uscc, f.value from batch_result r join enterprise_fact f
                  on f.uscc = r.uscc and f.indicator = 'electricity_kwh' and f.period = '2024-02'
                where r.run_id = (select max(run_id) from batch_result) and r.rule_id = ? and r.status = 'eligible'
                  and r.amount < 290000 order by r.uscc limit 1""").param(RULE).query().singleRow();
        String uscc = (String) target.get("uscc");
        BigDecimal more = ((BigDecimal) target.get("value")).add(new BigDecimal("10000"));
        var outcome = imports.importUploads(List.of(new MockMultipartFile("files", "二月用电.csv", "text/csv",
                ("统一社会信用代码,指标,期间,数值,来源\n" + uscc + ",用电量,2024-02," + more.toPlainString()
                        + ",国网福州供电公司\n").getBytes(StandardCharsets.UTF_8))), ADMIN);
        assertThat(outcome.problems()).isEmpty();
        assertThat(export.<String>inSnapshot(c -> cache.version(c, read(book, catalog)))).isNotEqualTo(version);
        Map<String, String> imported = runAndCompare();
        assertThat(imported.get(uscc + " " + RULE)).isNotEqualTo(first.get(uscc + " " + RULE));

        undo.undo(outcome.importId(), ADMIN);
        Map<String, String> undone = runAndCompare();
        assertThat(undone).isEqualTo(first);
    }

    @Test
    void onlyTheFactRowsOfColumnsTheRulesReadAreExported() {
        Set<FactColumn> read = read(book, catalog);
        BatchDataCache.Data data = cache.current(read, () -> { }, () -> { });
        Set<String> keys = new java.util.HashSet<>();
        read.forEach(col -> keys.add(col.indicator() + " " + col.periodText()));
        long all = 0;
        long readRows = 0;
        for (Map<String, Object> g : jdbc.sql("select indicator, period, count(*) as n from enterprise_fact group by indicator, period")
                .query().listOfRows()) {
            long n = ((Number) g.get("n")).longValue();
            all += n;
            if (keys.contains(g.get("indicator") + " " + g.get("period"))) {
                readRows += n;
            }
        }
        assertThat(data.facts()).as("fact rows exported").isEqualTo(readRows).isLessThan(all);

        Set<FactColumn> fewer = new java.util.HashSet<>(read);
        fewer.remove(read.iterator().next());
        assertThat(export.<String>inSnapshot(c -> cache.version(c, fewer)))
                .as("other columns read are another export").isNotEqualTo(export.<String>inSnapshot(c -> cache.version(c, read)));
    }

    /** The fact columns a platform run exports: those every rule set in force reads. */
    static Set<FactColumn> read(RuleBook book, IndicatorCatalog catalog) {
        return BatchPipeline.factsRead(catalog, book.inForce(null).files(), null);
    }

    /** Runs the document on the platform; its stored rows must equal a cold run's. */
    private Map<String, String> runAndCompare() throws Exception {
        BatchRun run = AwaitRun.await(service, runs, service.start(new BatchRunRequest(DOC, null, null, null), "admin").id());
        assertThat(run.status()).as(run.error()).isEqualTo(BatchRun.DONE);
        List<RuleFile> doc = List.of(book.fileOf(DOC).orElseThrow());
        Map<String, String> cold = ColdRun.rows(export, catalog, doc, Overrides.NONE).get(0);
        Map<String, String> stored = ColdRun.stored(results, run.id(), false);
        assertThat(stored).hasSize(cold.size()).isEqualTo(cold);
        return stored;
    }
}
