package huiqi.web.matching;

import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleLibrary;
import huiqi.rules.Status;
import huiqi.rules.eval.Evaluation;
import huiqi.rules.eval.MissingFacts;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.file.Rule;
import huiqi.rules.file.RuleFile;
import huiqi.web.enterprise.EnterpriseNotFound;
import huiqi.web.enterprise.PgEnterpriseStore;
import huiqi.web.rules.RuleBook;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** 一企一策 by the core rule engine over the enterprise's stored profile and facts (all rules of the rule book, any date). */
@Component
public class RuleMatching {
    private final RuleBook book;
    private final PgEnterpriseStore store;
    private final IndicatorCatalog catalog;
    /**
     * Rules by id of the rule files last reported on, rebuilt only when other files are in force (a new rule-set
     * version). Keyed by the files' identity: the library object itself is assembled anew on every request.
     */
    private volatile RulesOf rulesOf = new RulesOf(List.of(), Map.of());

    private record RulesOf(List<RuleFile> files, Map<String, Rule> byId) {
        boolean of(List<RuleFile> other) {
            if (other.size() != files.size()) {
                return false;
            }
            for (int i = 0; i < files.size(); i++) {
                if (files.get(i) != other.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    RuleMatching(RuleBook book, PgEnterpriseStore store, IndicatorCatalog catalog) {
        this.book = book;
        this.store = store;
        this.catalog = catalog;
    }

    public MatchReport match(String uscc) {
        EnterpriseRecord record = store.record(uscc)
                .orElseThrow(() -> new EnterpriseNotFound(uscc));
        return match(record);
    }

    public MatchReport match(EnterpriseRecord record) {
        return match(record, book.current());
    }

    /** By the rules of one library (the caller keys what it keeps by the same one). */
    MatchReport match(EnterpriseRecord record, RuleLibrary.Loaded library) {
        return report(record.profile().uscc(), book.evaluate(library.files(), record), library);
    }

    public Evaluation evaluate(EnterpriseRecord record) {
        return book.evaluate(record);
    }

    MatchReport report(String uscc, Evaluation ev, RuleLibrary.Loaded library) {
        Map<String, Rule> rules = rulesById(library);
        List<MatchReport.Benefit> eligible = new ArrayList<>();
        List<MatchReport.Benefit> undeterminable = new ArrayList<>();
        List<MatchReport.Benefit> near = new ArrayList<>();
        List<MatchReport.Benefit> ineligible = new ArrayList<>();
        LocalDate today = LocalDate.now();
        BigDecimal cash = BigDecimal.ZERO.setScale(2);
        BigDecimal relief = BigDecimal.ZERO.setScale(2);
        for (RuleResult r : ev.results()) {
            Rule rule = rules.get(r.ruleId());
            LocalDate lastDay = rule == null || rule.valid() == null ? null : rule.valid().lastDay();
            boolean expired = lastDay != null && lastDay.isBefore(today);
            String kind = rule == null || rule.kind() == null ? null : rule.kind().label();
            MatchReport.Benefit b = new MatchReport.Benefit(r.ruleId(), rule == null ? null : rule.docId(),
                    r.docNumber(), r.measure(), r.title(), r.status().chinese(), r.amount(), r.payerLabel(),
                    r.delivery(), r.explanation(), MissingFacts.describe(r.missing(), catalog), r.nearMiss(),
                    kind, validity(rule, expired), expired, r.missing(), r.parts().stream()
                            .map(p -> new MatchReport.Part(p.role(), p.name(), p.amount(), p.items())).toList());
            if (r.status() == Status.ELIGIBLE) {
                eligible.add(b);
                if (r.amount() != null && "CNY".equals(r.currency())) {
                    if (b.relief()) {
                        relief = relief.add(r.amount());
                    } else {
                        cash = cash.add(r.amount());
                    }
                }
            } else if (r.status() == Status.UNDETERMINABLE) {
                undeterminable.add(b);
            } else if (r.nearMiss() != null) {
                near.add(b);
            } else {
                ineligible.add(b);
            }
        }
        List<String> notes = library.ok() ? List.of()
                : List.of("部分规则文件有错误未加载，结果可能不完整（详见服务器日志）");
        return new MatchReport(uscc, eligible, undeterminable, near, ineligible, ev.total(), notes, cash, relief);
    }

    private Map<String, Rule> rulesById(RuleLibrary.Loaded library) {
        RulesOf cached = rulesOf;
        if (!cached.of(library.files())) {
            cached = new RulesOf(List.copyOf(library.files()), library.files().stream().flatMap(f -> f.rules().stream())
                    .collect(Collectors.toUnmodifiableMap(Rule::id, Function.identity())));
            rulesOf = cached;
        }
        return cached.byId();
    }

    /** How long the measure applies, in the words an enterprise reads. */
    static String validity(Rule rule, boolean expired) {
        if (rule == null) {
            return null;
        }
        if (rule.valid() == null) {
            return "文件未规定截止日期，按现行有效处理（未见废止或修订）";
        }
        LocalDate last = rule.valid().lastDay();
        if (last == null) {
            String pending = rule.valid().pendingReason();
            return pending != null ? pending : "文件未规定截止日期，按现行有效处理（未见废止或修订）";
        }
        return expired ? "政策已于 " + last + " 到期，本项只计到期前的期间，新的期间不再享受" : "有效期至 " + last;
    }
}
