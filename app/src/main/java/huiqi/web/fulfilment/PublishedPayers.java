package huiqi.web.fulfilment;

import huiqi.org.Government;
import huiqi.org.Resolution;
import huiqi.rules.file.Payer;
import huiqi.rules.file.Rule;
import huiqi.web.organisation.DocumentMentions;
import huiqi.web.rules.RuleBook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The payers of the published rules, each with the directory units its department stands for, resolved in the
 * context of the rule's document ("就业补助资金（区人社局）" → 鼓楼区人力资源和社会保障局; "A、B" → both).
 * A payer is real when some rule pays through it and every part of its department resolves to one unit.
 */
@Component
public class PublishedPayers {
    private static final Pattern FUND_OF_UNIT = Pattern.compile("^.+（(.+)）$");

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
                out.computeIfAbsent(p.label(), k -> resolve(k, p.department(), issuer(r.docId())));
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

    private Resolved resolve(String label, String department, Government issuer) {
        List<String> ids = new ArrayList<>();
        for (String part : department.split("、")) {
            String unit = Normalised.of(part);
            Matcher m = FUND_OF_UNIT.matcher(unit);
            Resolution r = mentions.resolve(issuer, unit);
            if (!r.resolved() && m.matches()) {
                r = mentions.resolve(issuer, m.group(1));
            }
            if (r.kind() != Resolution.Kind.UNIT) {
                return new Resolved(label, List.of(), "付款方「" + label + "」的部门“" + part + "”不能唯一对应组织目录中的单位"
                        + (r.reason() == null ? "" : "：" + r.reason()));
            }
            ids.addAll(r.unitIds());
        }
        return new Resolved(label, ids, null);
    }

    private Government issuer(String docId) {
        return jdbc.sql("select region_code, region_name, level from policy_document where id = ?").param(docId)
                .query((rs, i) -> rs.getString(1) == null ? null
                        : DocumentMentions.issuer(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional().orElse(null);
    }

    /** Full-width brackets, no spaces: how the directory compares names. */
    private static final class Normalised {
        static String of(String s) {
            return huiqi.org.Spellings.normalize(s);
        }
    }
}
