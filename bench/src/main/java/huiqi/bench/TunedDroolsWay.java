package huiqi.bench;

import huiqi.bench.tuned.Enterprise;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.StatelessKieSession;

/**
 * Drools as an expert would run the same 24 rules in batch: the DRL of bench/src/main/resources/huiqi/bench/drools/tuned/
 * (no eval(), constraints on typed, precomputed fields of {@link Enterprise}, the region constraint first so rules of a
 * document share alpha nodes) compiled to the <b>executable model</b> ({@code KieBuilder.buildAll(ExecutableModelProject.class)}:
 * constraints become Java lambdas, nothing is left to MVEL), and the enterprises fed through a
 * {@link StatelessKieSession} in chunks of {@link #CHUNK} (each {@code execute} inserts the chunk and fires all rules
 * in a fresh session; the rules only join within one enterprise, so chunking changes no result). Single-threaded
 * like the naive {@link DroolsWay}. Building a chunk's {@link Enterprise} facts (sums, growth rates, daily averages) is
 * load, timed apart; only {@code execute} counts as evaluation. Money: BigDecimal 元, each rule's amount rounded once to the fen in the DRL.
 */
public final class TunedDroolsWay {
    static final int CHUNK = 10_000;
    static final List<String> DRL = List.of("fz-2024-2.drl", "gl-2023-1.drl", "qt-2024-3.drl");
    static final String DIR = "huiqi/bench/drools/tuned/";

    private final KieBase kieBase;
    private final List<String> rules;
    private final boolean declaresRate;
    private final int chunk;
    private Columns columns;

    public TunedDroolsWay(List<String> rules) {
        this(rules, DIR, DRL, CHUNK);
    }

    /** @param dir the classpath folder of the DRL files (tests compile a wrong variant from another folder) */
    TunedDroolsWay(List<String> rules, String dir, List<String> drl, int chunk) {
        this.rules = rules;
        this.chunk = chunk;
        kieBase = build(dir, drl);
        declaresRate = kieBase.getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals("fz7Rate")));
    }

    /** Compiles the DRL to the executable model; fails on any error or warning (e.g. a constraint it cannot compile). */
    static KieBase build(String dir, List<String> drl) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        // its own release id: the naive way's KieModule has the default one and must not be replaced in the repository
        ReleaseId id = ks.newReleaseId("cn.huiqi.bench", "drools-tuned-" + dir.replaceAll("\\W", "-"), "1.0.0");
        kfs.generateAndWritePomXML(id);
        for (String name : drl) {
            kfs.write("src/main/resources/" + dir + name, ks.getResources().newClassPathResource(dir + name, TunedDroolsWay.class));
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> problems = builder.getResults().getMessages(Message.Level.ERROR, Message.Level.WARNING);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("DRL 编译（可执行模型）有错误或警告：" + problems);
        }
        return ks.newKieContainer(id).getKieBase();
    }

    public record Run(RuleTotals totals, double executeSeconds, double factSeconds) {
    }

    /** Uses the columns the hand-written loop read from the CSV files (the shared part of the load). */
    public void load(Columns c) {
        columns = c;
    }

    /**
     * Builds the {@link Enterprise} facts of each chunk (sums, growth and daily averages: load, timed apart) and runs
     * the chunk through the stateless session (timed): at most one chunk of facts is alive at a time.
     * @param fz7Rate 榕政办规〔2024〕2号 第7条 奖励标准 (元/千瓦时)
     */
    public Run evaluate(BigDecimal fz7Rate) {
        Tally tally = new Tally();
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.setGlobal("tally", tally);
        if (declaresRate) {
            session.setGlobal("fz7Rate", fz7Rate);
        }
        long execute = 0;
        long facts = 0;
        List<Enterprise> batch = new ArrayList<>(chunk);
        for (int from = 0; from < columns.n; from += chunk) {
            long t0 = System.nanoTime();
            batch.clear();
            for (int i = from, to = Math.min(columns.n, from + chunk); i < to; i++) {
                batch.add(new Enterprise(columns, i));
            }
            long t1 = System.nanoTime();
            session.execute(batch);
            execute += System.nanoTime() - t1;
            facts += t1 - t0;
        }
        RuleTotals t = new RuleTotals();
        Set<String> withAmount = new HashSet<>(rules);
        withAmount.removeAll(DroolsWay.NO_AMOUNT);
        tally.addTo(t, rules, columns.n, withAmount);
        return new Run(t, execute / 1e9, facts / 1e9);
    }

    public void unload() {
        columns = null;
    }
}
