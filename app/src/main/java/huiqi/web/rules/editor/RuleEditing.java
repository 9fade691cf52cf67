package huiqi.web.rules.editor;

import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.eval.TestRunner;
import huiqi.rules.file.RuleProblem;
import huiqi.rules.file.Rule;
import huiqi.rules.file.RuleFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.springframework.stereotype.Service;

/**
 * The editor's services over a rule file's text: check it (load, type-check, quotes against the policy's text, example
 * tests) with problems placed at their form fields, apply a form edit, read the form, and try the rules out on one
 * enterprise. Stateless: the text is the model and travels with every request.
 */
@Service
public class RuleEditing {
    private final RuleTextLoader loader;
    private final IndicatorCatalog catalog;
    private final Evaluator evaluator;

    public RuleEditing(RuleTextLoader loader, IndicatorCatalog catalog) {
        this.loader = loader;
        this.catalog = catalog;
        this.evaluator = new Evaluator(catalog);
    }

    /** The evaluator for a text: over the catalog plus the indicators the text proposes (their names in explanations). */
    private Evaluator evaluatorFor(String yaml) {
        var proposed = huiqi.rules.file.NewIndicators.of(yaml);
        return proposed.isEmpty() ? evaluator : new Evaluator(catalog.with(proposed));
    }

    public RuleCheck check(String policyId, String yaml, String sourceText) {
        RuleTextLoader.Loaded loaded = loader.load(policyId, yaml, sourceText);
        Fields fields = fieldsOf(yaml);
        List<RuleCheck.Problem> problems = new ArrayList<>();
        for (RuleProblem p : loaded.problems()) {
            Fields.Placed at = fields == null ? new Fields.Placed(null, -1) : fields.place(p);
            problems.add(new RuleCheck.Problem(p.pos().line(), p.pos().column(), p.severity().label(), p.message(),
                    at.field(), at.offset()));
        }
        List<RuleCheck.TestOutcome> tests = new ArrayList<>();
        if (loaded.ok()) {
            for (Rule r : untested(loaded.file())) {
                problems.add(new RuleCheck.Problem(r.pos().line(), r.pos().column(), "警告",
                        "规则 " + r.id() + " 还没有例子：请按条文写出门槛两侧、上限和无法判断的例子（发布前必须有）",
                        Fields.key("rule", r.id(), -1, null), -1));
            }
            for (TestRunner.Outcome o : TestRunner.run(loaded.file(), evaluatorFor(yaml))) {
                String field = fields == null ? null : fields.place(new RuleProblem(o.pos(), "")).field();
                tests.add(new RuleCheck.TestOutcome(o.name(), o.pos().line(), o.passed(),
                        o.failures().stream().map(RuleEditing::inChinese).toList(), field));
            }
        }
        return new RuleCheck(loaded.ok(), problems, tests, openQuestions(yaml));
    }

    /** The text after one form edit; the edit is refused ({@link EditRefused}) rather than guessed. */
    public String apply(String yaml, FormEdit edit) {
        return YamlEditor.apply(yaml, edit);
    }

    public RuleSetForm form(String yaml, Map<Integer, String> measureTexts) {
        return FormReader.read(yaml, measureTexts);
    }

    /** The file's own names for completion: parameters and lets, with their labels. */
    public List<IndicatorCompletion.Offer> localNames(String yaml) {
        List<IndicatorCompletion.Offer> out = new ArrayList<>();
        RuleSetForm form;
        try {
            form = FormReader.read(yaml, Map.of());
        } catch (EditRefused e) {
            return out;
        }
        form.parameters().forEach(p -> out.add(new IndicatorCompletion.Offer(p.name(), p.label(), "参数", "本文件", null)));
        form.newIndicators().forEach(i -> out.add(new IndicatorCompletion.Offer(i.id(), i.name(), "新指标",
                i.unit() + "，" + RuleSetForm.granularityLabel(i.granularity()) + "，发布后加入指标目录", null)));
        for (RuleSetForm.RuleForm r : form.rules()) {
            r.parameters().forEach(p -> out.add(new IndicatorCompletion.Offer(p.name(), p.label(), "参数", r.id(), null)));
            r.lets().forEach(l -> out.add(new IndicatorCompletion.Offer(l.name(), l.label(), "中间值", r.id(), null)));
        }
        return out;
    }

    /** Every rule of the text for one enterprise of the 企业库, with the explanation; empty problems list if it loads. */
    public TryOut tryOut(String policyId, String yaml, String sourceText, EnterpriseRecord enterprise) {
        RuleTextLoader.Loaded loaded = loader.load(policyId, yaml, sourceText);
        if (!loaded.ok()) {
            return new TryOut(List.of(), loaded.problems().stream().filter(RuleProblem::isError)
                    .map(p -> "第 " + p.pos().line() + " 行第 " + p.pos().column() + " 列：" + p.message()).toList());
        }
        Map<String, RuleResult> results = evaluatorFor(yaml).evaluateFile(loaded.file(), enterprise, null, Overrides.NONE);
        List<RuleResult> ordered = new ArrayList<>();
        for (Rule r : loaded.file().rules()) {
            if (results.containsKey(r.id())) {
                ordered.add(results.get(r.id()));
            }
        }
        return new TryOut(ordered, List.of());
    }

    public record TryOut(List<RuleResult> results, List<String> problems) {
    }

    /** Rules with no example of their own and none at the file level (the library refuses such a file). */
    private static List<Rule> untested(RuleFile f) {
        java.util.Set<String> atFileLevel = new java.util.HashSet<>();
        f.tests().forEach(t -> t.expectations().forEach(x -> atFileLevel.add(x.ruleId())));
        return f.rules().stream().filter(r -> r.tests().isEmpty() && !atFileLevel.contains(r.id())).toList();
    }

    private static final java.util.regex.Pattern STATUS = java.util.regex.Pattern.compile("状态应为 (\\w+)，实为 (\\w+)");

    /** The test runner names statuses as rules.yaml spells them (eligible); the officer reads 符合. */
    static String inChinese(String failure) {
        Matcher m = STATUS.matcher(failure);
        if (!m.find()) {
            return failure;
        }
        return failure.substring(0, m.start()) + "结论应为 " + chinese(m.group(1)) + "，实为 " + chinese(m.group(2))
                + failure.substring(m.end());
    }

    private static String chinese(String status) {
        return huiqi.rules.Status.parse(status).map(huiqi.rules.Status::chinese).orElse(status);
    }

    static int openQuestions(String yaml) {
        Matcher m = YamlEditor.QUESTION.matcher(yaml);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static Fields fieldsOf(String yaml) {
        try {
            return Fields.of(RuleYaml.parse(yaml));
        } catch (RuntimeException e) { // an odd shape the form cannot place: problems are still listed by line
            return null;
        }
    }
}
