package huiqi.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieSession;

/**
 * Drools (drools-engine-classic, DRL compiled with the KIE classic API: KieFileSystem → KieBuilder → KieContainer)
 * for the same 24 rules: bench/src/main/resources/huiqi/bench/drools/*.drl, one file per document. Facts are one
 * {@link Firm} per enterprise; the firms go through one KieSession per chunk of {@link #CHUNK} (insert all, then
 * fireAllRules, then dispose), single-threaded. Only insert + fireAllRules is timed; building the Firm objects
 * from the columns is load.
 */
public final class DroolsWay {
    static final int CHUNK = 50_000;
    static final List<String> DRL = List.of("fz-2024-2.drl", "gl-2023-1.drl", "qt-2024-3.drl");
    /** Rules that grant rights only (no amount). */
    static final Set<String> NO_AMOUNT = Set.of("gl-2023-1/1-3", "gl-2023-1/9", "gl-2023-1/17", "gl-2023-1/24-1", "gl-2023-1/24-2");

    public record Run(RuleTotals totals, double fireSeconds, double buildSeconds) {
    }

    private final KieBase kieBase;
    private final List<String> rules;
    private final boolean declaresRate;
    private Columns columns;

    public DroolsWay(List<String> rules) {
        this(rules, DRL);
    }

    /** @param drl the DRL resources under huiqi/bench/drools/ to compile */
    DroolsWay(List<String> rules, List<String> drl) {
        this.rules = rules;
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        for (String name : drl) {
            kfs.write("src/main/resources/huiqi/bench/drools/" + name,
                    ks.getResources().newClassPathResource("huiqi/bench/drools/" + name, DroolsWay.class));
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            throw new IllegalStateException("DRL 编译错误：" + builder.getResults().getMessages(Message.Level.ERROR));
        }
        kieBase = ks.newKieContainer(builder.getKieModule().getReleaseId()).getKieBase();
        declaresRate = kieBase.getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals("fz7Rate")));
    }

    /** Uses the columns the hand-written loop read from the CSV files (the shared part of the load). */
    public void load(Columns c) {
        columns = c;
    }

    /** @param fz7Rate 榕政办规〔2024〕2号 第7条 奖励标准 (元/千瓦时) */
    public Run evaluate(BigDecimal fz7Rate) {
        Tally tally = new Tally();
        long fire = 0;
        long build = 0;
        for (int from = 0; from < columns.n; from += CHUNK) {
            int to = Math.min(columns.n, from + CHUNK);
            long t0 = System.nanoTime();
            List<Firm> firms = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                firms.add(new Firm(columns, i));
            }
            long t1 = System.nanoTime();
            KieSession session = kieBase.newKieSession();
            try {
                session.setGlobal("tally", tally);
                if (declaresRate) {
                    session.setGlobal("fz7Rate", fz7Rate);
                }
                for (Firm f : firms) {
                    session.insert(f);
                }
                session.fireAllRules();
            } finally {
                session.dispose();
            }
            fire += System.nanoTime() - t1;
            build += t1 - t0;
        }
        RuleTotals t = new RuleTotals();
        Set<String> withAmount = new HashSet<>(rules);
        withAmount.removeAll(NO_AMOUNT);
        tally.addTo(t, rules, columns.n, withAmount);
        return new Run(t, fire / 1e9, build / 1e9);
    }

    public void unload() {
        columns = null;
    }
}
