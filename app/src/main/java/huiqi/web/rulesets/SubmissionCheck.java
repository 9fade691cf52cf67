package huiqi.web.rulesets;

import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.TestRunner;
import huiqi.org.Government;
import huiqi.org.PayerUnits;
import huiqi.rules.file.Payer;
import huiqi.rules.file.Rule;
import huiqi.rules.file.RuleFile;
import huiqi.web.organisation.DocumentMentions;
import huiqi.rules.file.RuleLibrary;
import huiqi.web.rules.RuleBook;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * What keeps a version from review: a rule that does not type-check, a quote not in the document's text, a rule
 * without examples (all reported by the loader at line:column), a failing example test, an open question the
 * drafter left ("# 待确认…" comments, see huiqi.rules.draft.DraftYaml) still in the text, and a payer whose
 * department is not a 组织目录 unit in the context of the rule's document.
 */
@Component
public class SubmissionCheck {
    private static final Pattern OPEN_QUESTION = Pattern.compile("#\\s*待确认");

    private final RuleBook book;
    private final Evaluator evaluator;
    private final DocumentMentions mentions;

    SubmissionCheck(RuleBook book, IndicatorCatalog catalog, DocumentMentions mentions) {
        this.book = book;
        this.mentions = mentions;
        this.evaluator = new Evaluator(catalog);
    }

    /** Every reason the text cannot be submitted, each with where (第 n 行…); empty when it can. */
    public List<String> problems(String policyId, String yaml) {
        List<String> out = new ArrayList<>();
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            var m = OPEN_QUESTION.matcher(lines.get(i));
            if (m.find()) {
                out.add("第 " + (i + 1) + " 行：未回答的待确认问题：" + lines.get(i).substring(m.start()).replaceFirst("^#\\s*", "").strip()
                        + "（回答后删去这行注释）");
            }
        }
        RuleLibrary.Loaded loaded = book.parse(policyId, yaml);
        loaded.problems().forEach(p -> out.add("第 " + p.pos().line() + " 行第 " + p.pos().column() + " 列：" + p.message()));
        for (RuleFile f : loaded.files()) {
            out.addAll(unresolvedPayers(f, lines));
            for (TestRunner.Outcome o : TestRunner.run(f, evaluator)) {
                if (!o.passed()) {
                    out.add("第 " + o.pos().line() + " 行：测试“" + o.name() + "”未通过：" + String.join("；", o.failures()));
                }
            }
        }
        return out;
    }

    /**
     * A payer whose department is not one directory unit (each part of "A、B") in the context of the rule's
     * document: budgets, cases and the 拨付 segregation refer to units by id, so the payer must name real ones.
     */
    private List<String> unresolvedPayers(RuleFile f, List<String> lines) {
        List<String> out = new ArrayList<>();
        var resolver = mentions.resolver();
        for (Rule r : f.rules()) {
            Government issuer = mentions.issuerOf(r.docId());
            for (Payer p : r.payers()) {
                PayerUnits.Result units = PayerUnits.resolve(p.department(), issuer, r.region(), resolver);
                if (!units.resolved()) {
                    out.add("第 " + lineOf(lines, r.pos().line(), p.department()) + " 行：规则“" + r.id() + "”的付款方「"
                            + p.label() + "」：" + units.problem() + "（请写组织目录中的单位，或由管理员在“组织目录”中补充）");
                }
            }
        }
        return out;
    }

    /** The first line from the rule's own that names the department (the rule's line if none does). */
    private static int lineOf(List<String> lines, int from, String department) {
        for (int i = Math.max(0, from - 1); i < lines.size(); i++) {
            if (lines.get(i).contains(department)) {
                return i + 1;
            }
        }
        return from;
    }
}
