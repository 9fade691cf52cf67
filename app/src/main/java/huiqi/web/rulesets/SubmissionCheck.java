package huiqi.web.rulesets;

import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.TestRunner;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleLibrary;
import huiqi.web.rules.RuleBook;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * What keeps a version from review: a rule that does not type-check, a quote not in the document's text, a rule
 * without examples (all reported by the loader at line:column), a failing example test, and an open question the
 * drafter left ("# 待确认…" comments, see huiqi.rules.draft.DraftYaml) still in the text.
 */
@Component
public class SubmissionCheck {
    private static final Pattern OPEN_QUESTION = Pattern.compile("#\\s*待确认");

    private final RuleBook book;
    private final Evaluator evaluator;

    SubmissionCheck(RuleBook book, IndicatorCatalog catalog) {
        this.book = book;
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
            for (TestRunner.Outcome o : TestRunner.run(f, evaluator)) {
                if (!o.passed()) {
                    out.add("第 " + o.pos().line() + " 行：测试“" + o.name() + "”未通过：" + String.join("；", o.failures()));
                }
            }
        }
        return out;
    }
}
