package huiqi.bench.platform;

import huiqi.bench.web.PlatformUnderTest;
import huiqi.web.batch.BatchRun;
import huiqi.web.batch.BatchRunRequest;
import huiqi.web.batch.BatchRunService;
import huiqi.web.batch.BatchRunStore;
import huiqi.web.enterprise.EnterpriseImportService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The third run of {@code ./huiqi bench --platform} (issue 21 targets 1 and 6): a share of the enterprises gets a new
 * February electricity figure through the product's import (数据导入, one .csv), then the same run again. Only those
 * enterprises are exported and pivoted again on the earlier export and wide table.
 */
final class ChangedRerun {
    record Outcome(int enterprises, double importSeconds, BatchRun run, double runSeconds) {
    }

    private ChangedRerun() {
    }

    static Outcome run(PlatformUnderTest platform, int enterprises) {
        List<String> usccs = platform.bean(JdbcClient.class)
                .sql("select uscc from enterprise order by md5(uscc) limit ?").param(enterprises).query(String.class).list();
        StringBuilder csv = new StringBuilder("统一社会信用代码,指标,期间,数值,来源\n");
        for (int i = 0; i < usccs.size(); i++) {
            csv.append(usccs.get(i)).append(",用电量,2024-02,").append(400_000 + 37L * i).append(",国网福州供电公司\n");
        }
        long t0 = System.nanoTime();
        var outcome = platform.bean(EnterpriseImportService.class).importUploads(
                List.of(new CsvUpload("二月用电更正.csv", csv.toString().getBytes(StandardCharsets.UTF_8))), "admin");
        if (!outcome.problems().isEmpty()) {
            throw new IllegalStateException("导入失败：" + outcome.problems().get(0));
        }
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("已导入 %,d 户企业的二月用电量（%.1f s）；再次发起同样的运行…%n", usccs.size(), importSeconds);
        BatchRunStore runs = platform.bean(BatchRunStore.class);
        long t1 = System.nanoTime();
        BatchRunService service = platform.bean(BatchRunService.class);
        long id = service.start(new BatchRunRequest(null, null, Map.of(), null), "admin").id();
        while (!runs.find(id).orElseThrow().finished()) {
            pause();
        }
        double runSeconds = (System.nanoTime() - t1) / 1e9;
        while (service.busy()) { // the run is done; the worker still writes its wide table to the cache
            pause();
        }
        BatchRun run = runs.find(id).orElseThrow();
        if (!run.done()) {
            throw new IllegalStateException("改动后的运行失败：" + run.error());
        }
        return new Outcome(usccs.size(), importSeconds, run, runSeconds);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The report line, against the first run's full export and pivot. */
    static String report(Outcome c, BatchRun first) {
        BatchRun.Timings t = c.run().timings();
        BatchRun.Timings f = first.timings();
        return String.format("改动 %,d 户企业的数据（数据导入 %.1f s）后再次运行 #%d：发起到完成 %.1f s；分段（秒）：导出 %s，读入与转置 %s，"
                        + "评估 %s，保存 %s；只导出、转置有变化的企业：导出 + 转置 %.1f s，首次运行全量导出 + 转置 %.1f s。%n",
                c.enterprises(), c.importSeconds(), c.run().id(), c.runSeconds(), sec(t.export()), sec(t.load()),
                sec(t.evaluate()), sec(t.store()), seconds(t.export()) + seconds(t.load()), seconds(f.export()) + seconds(f.load()));
    }

    private static String sec(Long ms) {
        return ms == null ? "—" : String.format("%.1f", ms / 1000.0);
    }

    private static double seconds(Long ms) {
        return ms == null ? 0 : ms / 1000.0;
    }
}
