package huiqi.web.batch;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.batch.duck.BatchRunner;
import huiqi.batch.run.BatchOptions;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.RuleFile;
import huiqi.web.enterprise.EnterpriseImportService;
import huiqi.web.enterprise.ImportUndo;
import huiqi.web.facts.FactBatchService;
import huiqi.web.rules.RuleBook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

/**
 * A new data version with few changed enterprises is exported as those enterprises alone on the earlier export
 * (V880 notes which enterprises each write touched, whichever path wrote): for an import, an API fact batch, an
 * undo, a profile edit, a deletion and an item change, the export counts only the touched enterprises, the long
 * data it builds equals a fresh full export, the wide table is updated for those enterprises only, and the run's
 * stored rows equal a cold run's. Many changed enterprises fall back to the full export.
 */
@PlatformTest
class BatchDataDeltaTest {
    static final String DOC = BatchDataCacheTest.DOC;

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
    FactBatchService factBatches;
    @Autowired
    RuleBook book;
    @Autowired
    IndicatorCatalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BatchResults results;

    @Test
    void eachKindOfChangeReExportsOnlyTheTouchedEnterprisesAndEveryRunEqualsAColdRun() throws Exception {
        runAndCompare();
        List<String> usccs = jdbc.sql("select uscc from enterprise order by uscc").query(String.class).list();
        String a = usccs.get(1);
        String b = usccs.get(2);
        String c = usccs.get(3);

        var imported = imports.importUploads(List.of(new MockMultipartFile("files", "二月用电.csv", "text/csv",
                ("统一社会信用代码,指标,期间,数值,来源\n" + a + ",用电量,2024-02,987654.5,国网福州供电公司\n")
                        .getBytes(StandardCharsets.UTF_8))), BatchDataCacheTest.ADMIN);
        assertThat(imported.problems()).isEmpty();
        deltaOf(1);

        var api = factBatches.apply("{\"batchId\": \"delta-" + b + "\", \"source\": \"市工信局\", \"facts\": ["
                + "{\"uscc\": \"" + b + "\", \"indicator\": \"electricity_kwh\", \"period\": \"2024-01\", \"value\": \"1.25\"},"
                + "{\"uscc\": \"" + c + "\", \"indicator\": \"electricity_kwh\", \"period\": \"2024-01\", \"value\": 7}]}",
                BatchDataCacheTest.ADMIN);
        assertThat(api.facts()).isEqualTo(2);
        deltaOf(2);

        undo.undo(imported.importId(), BatchDataCacheTest.ADMIN);
        deltaOf(1);

        jdbc.sql("update enterprise set region_code = '350102' where uscc = ?").param(b).update();
        deltaOf(1);

        jdbc.sql("delete from enterprise where uscc = ?").param(c).update();
        deltaOf(1);

        jdbc.sql("insert into enterprise_item_list (uscc, kind) values (?, 'loan') on conflict do nothing").param(a).update();
        jdbc.sql("insert into enterprise_item (uscc, kind, item_id, ord, fields) values (?, 'loan', 'D-1', 1, '{\"amount\": \"1000\"}')")
                .param(a).update();
        deltaOf(1);

        // more than a fifth of the enterprises: the whole data is exported again
        jdbc.sql("update enterprise_fact set value = value where uscc in (select uscc from enterprise order by uscc limit "
                + (usccs.size() / 3) + ")").update();
        BatchDataCache.Data whole = cache.current(BatchDataCacheTest.read(book, catalog), () -> { }, () -> { });
        assertThat(whole.exported()).isTrue();
        assertThat(whole.changed()).as("a large change is exported whole").isEqualTo(-1);
        assertThat(Files.exists(whole.dir().resolve("delta"))).isFalse();
        runAndCompare();
    }

    /** The next export is of {@code enterprises} changed ones; its data, the updated wide table and the run equal a cold run's. */
    private void deltaOf(int enterprises) throws Exception {
        BatchDataCache.Data data = cache.current(BatchDataCacheTest.read(book, catalog), () -> { }, () -> { });
        assertThat(data.exported()).isTrue();
        assertThat(data.changed()).as("enterprises exported again").isEqualTo(enterprises);
        Path fresh = Files.createTempDirectory("huiqi-delta-fresh-");
        try {
            export.inSnapshot(c -> export.exportWith(c, fresh, () -> { }, null, BatchDataCacheTest.read(book, catalog)));
            for (String name : List.of("profiles", "facts", "items")) {
                assertThat(rows(data.dir(), name)).as(name).isEqualTo(rows(fresh, name));
            }
        } finally {
            BatchDataCache.delete(fresh);
        }
        List<RuleFile> doc = List.of(book.fileOf(DOC).orElseThrow());
        Map<String, String> cold = ColdRun.rows(export, catalog, doc, Overrides.NONE).get(0);
        try (BatchRunner runner = BatchRunner.open(data.dir(), catalog, doc,
                new BatchOptions(null, "512MB", 1, null, cache.wideCache()))) {
            assertThat(runner.repivoted()).as("only the changed enterprises are pivoted again").isEqualTo(enterprises);
            assertThat(ColdRun.rows(runner, runner.run(Overrides.NONE))).isEqualTo(cold);
        }
        runAndCompare();
    }

    /** Every row of a long data file, sorted, as DuckDB reads it (csv or parquet). */
    private static List<String> rows(Path dir, String name) throws Exception {
        Path file = Files.exists(dir.resolve(name + ".parquet")) ? dir.resolve(name + ".parquet") : dir.resolve(name + ".csv");
        String reader = file.toString().endsWith(".parquet") ? "read_parquet('" + file + "')"
                : "read_csv('" + file + "', header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')";
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + reader)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append('|');
                }
                out.add(row.toString());
            }
        }
        out.sort(null);
        return out;
    }

    private void runAndCompare() throws Exception {
        BatchRun run = AwaitRun.await(service, runs, service.start(new BatchRunRequest(DOC, null, null, null), "admin").id());
        assertThat(run.status()).as(run.error()).isEqualTo(BatchRun.DONE);
        List<RuleFile> doc = List.of(book.fileOf(DOC).orElseThrow());
        Map<String, String> cold = ColdRun.rows(export, catalog, doc, Overrides.NONE).get(0);
        assertThat(ColdRun.stored(results, run.id(), false)).isEqualTo(cold);
    }
}
