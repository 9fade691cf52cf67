package huiqi.web.fulfilment;

import huiqi.batch.duck.BatchRunner;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.facts.IndicatorCatalog;
import huiqi.fulfilment.Match;
import huiqi.fulfilment.Payers;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.Rule;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleLibrary;
import huiqi.rules.file.Stacking;
import huiqi.web.batch.PgDataExport;
import huiqi.web.enterprise.PgEnterpriseStore;
import huiqi.web.rules.RuleBook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where 免申即享/申请 matches come from: the rules engine over the enterprises in the database, on the batch engine: the enterprises and facts are
 * exported from PostgreSQL (one snapshot) exactly as for a platform batch run, DuckDB evaluates every
 * enterprise at once, and each eligible CNY result with an amount becomes one match per payer. The benefit
 * period is the rule's validity (or its document when none is stated); the unit handling the case is the
 * payer's department. The rules are the {@link RuleBook}'s at the call (one rule set for the whole run). The
 * matches carry no explanation: {@link Run#explain()} works it out with the interpreter for the few
 * matches that become a case or an offer.
 */
@Component
public class MatchSource {
    private final PgDataExport export;
    private final PgEnterpriseStore store;
    private final RuleBook book;
    private final IndicatorCatalog catalog;
    private final String memoryLimit;
    private final int threads;

    MatchSource(PgDataExport export, PgEnterpriseStore store, RuleBook book, IndicatorCatalog catalog,
                 @Value("${huiqi.batch.memory-limit:2GB}") String memoryLimit, @Value("${huiqi.batch.threads:2}") int threads) {
        this.export = export;
        this.store = store;
        this.book = book;
        this.catalog = catalog;
        this.memoryLimit = memoryLimit;
        this.threads = threads;
    }

    /**
     * classes: rule id → class of the rules paid under 取高不重复 (enforced again at payment time); explain: the
     * engine's explanation of one of the matches (which the case shows).
     */
    public record Run(List<Match> matches, Set<String> rules, Map<String, String> classes, String note,
                      Function<Match, String> explain) {
    }

    /** The matches of one full run and the rules it evaluated (benefits of those rules not matched are gone). */
    public Run run() {
        return run(null);
    }

    /** The same over these enterprises only (unknown ones yield nothing); {@code rules} is still every rule evaluated. */
    public Run run(Collection<String> usccs) {
        RuleLibrary.Loaded loaded = book.current();
        List<RuleFile> files = loaded.files();
        Map<String, Rule> rules = new LinkedHashMap<>();
        Map<String, String> documents = new HashMap<>();
        for (RuleFile f : files) {
            for (Rule r : f.rules()) {
                rules.put(r.id(), r);
                documents.put(r.id(), f.docId());
            }
        }
        Map<String, String> classes = new LinkedHashMap<>();
        rules.values().stream().filter(r -> r.ruleClass() != null && r.stacking() == Stacking.HIGHEST_ONLY)
                .forEach(r -> classes.put(r.id(), r.ruleClass()));
        Set<String> wanted = usccs == null ? null : Set.copyOf(usccs);
        List<Match> matches = new ArrayList<>();
        for (Eligible e : evaluate(files)) {
            if (wanted != null && !wanted.contains(e.uscc())) {
                continue;
            }
            Rule rule = rules.get(e.ruleId());
            String period = rule.valid() != null ? rule.valid().toString() : documents.getOrDefault(rule.id(), "—");
            matches.add(new Match(rule.id(), title(rule), e.uscc(), e.name(), e.payer(), Payers.unit(e.payer()), period,
                    e.amount().setScale(2, RoundingMode.HALF_UP), rule.delivery().label(), rule.ruleClass(), null));
        }
        Map<String, Integer> order = new HashMap<>();
        rules.keySet().forEach(id -> order.put(id, order.size()));
        matches.sort(Comparator.comparing(Match::uscc).thenComparing(m -> order.get(m.ruleId())));
        String note = loaded.ok() ? "" : "部分规则文件未能加载：" + loaded.problems().size() + " 个问题";
        return new Run(matches, new LinkedHashSet<>(rules.keySet()), classes, note,
                new MatchExplanations(book, files, store)::of);
    }

    /** One payer's positive part of an eligible CNY amount. */
    private record Eligible(String uscc, String name, String ruleId, String payer, BigDecimal amount) {
    }

    private List<Eligible> evaluate(List<RuleFile> files) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("huiqi-rematch-");
            long[] counts = export.export(dir, () -> { });
            if (counts[0] == 0) {
                return List.of();
            }
            try (BatchRunner runner = BatchRunner.open(dir, catalog, files, new BatchOptions(null, memoryLimit, threads, null))) {
                if (runner.compile(Overrides.NONE).rules().isEmpty()) {
                    return List.of();
                }
                BatchResult result = runner.run(Overrides.NONE);
                return eligible(runner, result);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("重新匹配：写临时数据目录失败：" + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("重新匹配：批量引擎出错：" + e.getMessage(), e);
        } finally {
            delete(dir);
        }
    }

    /** Every payer's part of the eligible CNY amounts, in enterprise then rule order. */
    private static List<Eligible> eligible(BatchRunner runner, BatchResult result) throws SQLException {
        String query = "SELECT l.uscc, p.name, l.rule_id, l.payer, l.payer_amount, l.payer2, l.payer2_amount FROM ("
                + runner.longQuery(result, null) + ") AS l JOIN profiles_src AS p ON p.uscc = l.uscc"
                + " WHERE l.status = 'eligible' AND l.currency = 'CNY' AND l.amount > 0";
        List<Eligible> out = new ArrayList<>();
        try (Statement s = runner.connection().createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                add(out, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5));
                add(out, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(6), rs.getBigDecimal(7));
            }
        }
        return out;
    }

    private static void add(List<Eligible> out, String uscc, String name, String rule, String payer, BigDecimal amount) {
        if (payer != null && !payer.isEmpty() && amount != null && amount.signum() > 0) {
            out.add(new Eligible(uscc, name, rule, payer, amount));
        }
    }

    private static String title(Rule r) {
        return (r.document() == null ? "" : r.document() + " 第" + r.measure() + "条 ") + r.title();
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
