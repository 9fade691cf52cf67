package huiqi.web.fulfilment;

import huiqi.org.Government;
import huiqi.org.PayerUnits;
import huiqi.rules.file.Payer;
import huiqi.rules.file.Rule;
import huiqi.web.organisation.DocumentMentions;
import huiqi.web.rules.RuleBook;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The payers of the published rules, each with the directory units its department stands for, resolved in the
 * context of the rule's document ("就业补助资金（区人社局）" → 鼓楼区人力资源和社会保障局; "A、B" → both).
 * A payer is real when some rule pays through it and every part of its department resolves to one unit.
 */
@Component
public class PublishedPayers {
    private final RuleBook book;
    private final DocumentMentions mentions;
    private final JdbcClient jdbc;

    PublishedPayers(RuleBook book, DocumentMentions mentions, JdbcClient jdbc) {
        this.book = book;
        this.mentions = mentions;
        this.jdbc = jdbc;
    }

    /** A payer label and what it resolved to: unit ids, or why it is not a real payer. */
    public record Resolved(String payer, List<String> unitIds, String problem) {
        public boolean real() {
            return problem == null;
        }
    }

    /** Every payer label of the published rules, resolved. */
    public Map<String, Resolved> all() {
        Map<String, Resolved> out = new LinkedHashMap<>();
        for (Rule r : book.rules()) {
            for (Payer p : r.payers()) {
                out.computeIfAbsent(p.label(), k -> resolve(k, p.department(), issuer(r)));
            }
        }
        return out;
    }

    /** The payer as published, or why a budget cannot be set for it. */
    public Resolved check(String payer) {
        String p = payer == null ? "" : payer.strip();
        return Optional.ofNullable(all().get(p)).orElse(new Resolved(p, List.of(),
                "付款方「" + p + "」不是任何已发布规则的付款方（请从列表中选择，如 市级·市财政局）"));
    }

    /**
     * The payer {@code label} as rule {@code ruleId} names it, resolved in the context of that rule's document (two
     * districts' rules may both pay through "区级·区财政局"); a rule no longer published falls back to {@link #check}.
     */
    public Resolved forRule(String ruleId, String label) {
        for (Rule r : book.rules()) {
            if (r.id().equals(ruleId)) {
                for (Payer p : r.payers()) {
                    if (p.label().equals(label)) {
                        return resolve(label, p.department(), issuer(r));
                    }
                }
            }
        }
        return check(label);
    }

    private Resolved resolve(String label, String department, Government issuer) {
        PayerUnits.Result r = PayerUnits.resolve(department, issuer, mentions.resolver());
        return r.resolved() ? new Resolved(label, r.unitIds(), null)
                : new Resolved(label, List.of(), "付款方「" + label + "」的" + r.problem());
    }

    /** The rule's document's issuer, or the government of the rule's region when the parser found none. */
    private Government issuer(Rule r) {
        Government g = mentions.issuerOf(r.docId());
        return g != null ? g : mentions.resolver().governmentOfRegion(r.region());
    }
}
