package huiqi.bench;

import huiqi.batch.duck.BatchRunner;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.sql.CompiledRule;
import huiqi.batch.sql.CompiledRules;
import huiqi.rules.eval.Overrides;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-rule profile of the compiled SQL (docs/sql.md, issue 21 target 3): on the cached wide table of a generated
 * population, each rule's status and amount columns are aggregated alone out of the full query (DuckDB drops the
 * columns nobody reads, so only that rule and what it depends on are computed), best of K, wall and process CPU.
 * <pre>java -cp … huiqi.bench.RuleProfile [--enterprises N] [--repeat K] [--explain rule-id]</pre>
 */
public final class RuleProfile {
    private RuleProfile() {
    }

    public static void main(String[] args) throws Exception {
        long n = 100_000;
        int repeat = 3;
        String explain = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--enterprises" -> n = Long.parseLong(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--explain" -> explain = args[++i];
                default -> throw new IllegalArgumentException("未知参数 " + args[i]);
            }
        }
        Workload w = new Workload();
        Path population = w.population(n, Path.of("target", "bench-cache"));
        BatchOptions options = BatchOptions.defaults().withCache(population.resolve("profile-cache"));
        try (BatchRunner runner = BatchRunner.open(population, w.catalog, w.rules, options)) {
            CompiledRules compiled = runner.compile(Overrides.NONE);
            System.out.printf("%,d 家，%d 条规则，SQL %,d 字节，负载 %.1f%n", runner.enterprises(), compiled.rules().size(),
                    compiled.select().length(), load());
            List<String> all = new ArrayList<>();
            for (CompiledRule r : compiled.rules()) {
                all.add(aggregates(r));
            }
            System.out.println("| 规则 | 墙钟 s | CPU s |");
            System.out.println("|---|---:|---:|");
            for (CompiledRule r : compiled.rules()) {
                double[] t = best(runner, "SELECT " + aggregates(r) + " FROM (" + compiled.select() + ") AS q", repeat);
                System.out.printf("| %s | %.3f | %.3f |%n", r.rule().id(), t[0], t[1]);
            }
            double[] t = best(runner, "SELECT " + String.join(", ", all) + " FROM (" + compiled.select() + ") AS q", repeat);
            System.out.printf("| 全部 | %.3f | %.3f |%n", t[0], t[1]);
            if (explain != null) {
                String id = explain;
                CompiledRule r = compiled.rules().stream().filter(x -> x.rule().id().equals(id)).findFirst().orElseThrow();
                try (Statement s = runner.connection().createStatement();
                     ResultSet rs = s.executeQuery("EXPLAIN ANALYZE SELECT " + aggregates(r) + " FROM (" + compiled.select() + ") AS q")) {
                    while (rs.next()) {
                        System.out.println(rs.getString(2));
                    }
                }
            }
        }
    }

    private static String aggregates(CompiledRule r) {
        String st = "count(*) FILTER (WHERE " + huiqi.batch.sql.Status.eligible(r.statusColumn()) + ")";
        return r.amountColumn() == null ? st : st + ", sum(" + r.amountColumn() + ")";
    }

    /** Best wall seconds and best process CPU seconds of K runs. */
    private static double[] best(BatchRunner runner, String sql, int repeat) throws SQLException {
        double wall = Double.MAX_VALUE;
        double cpu = Double.MAX_VALUE;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int k = 0; k < repeat; k++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            try (Statement s = runner.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
            }
            wall = Math.min(wall, (System.nanoTime() - t0) / 1e9);
            cpu = Math.min(cpu, (os.getProcessCpuTime() - c0) / 1e9);
        }
        return new double[] {wall, cpu};
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
