package huiqi.web.rules.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a {@link FormEdit} from the editor's request fields ({@code op} says which). */
final class FormEdits {
    private FormEdits() {
    }

    static FormEdit of(Map<String, String> f) {
        return of(f, "");
    }

    /** {@code policyId}: the document whose rule set is edited (new rules are named after it). */
    static FormEdit of(Map<String, String> f, String policyId) {
        String op = f.getOrDefault("op", "");
        String rule = f.getOrDefault("rule", "");
        return switch (op) {
            case "value" -> new FormEdit.ParameterValue(rule, need(f, "name"), f.get("date"), need(f, "literal"));
            case "source" -> new FormEdit.ParameterSource(rule, need(f, "name"), need(f, "source"));
            case "expr" -> new FormEdit.Expression(rule, need(f, "field"), index(f), f.get("name"), need(f, "expr"));
            case "field" -> new FormEdit.RuleField(rule, need(f, "key"), need(f, "value"));
            case "order" -> new FormEdit.LoopOrder(rule, need(f, "field"), index(f), f.get("name"), loop(f),
                    f.getOrDefault("key", ""), f.getOrDefault("direction", "asc"));
            case "condition" -> new FormEdit.NewCondition(rule, need(f, "expr"), f.get("label"));
            case "answer" -> new FormEdit.Answer(index(f), need(f, "answer"));
            case "expect" -> new FormEdit.TestExpectation(rule, index(f), need(f, "status"), f.get("amount"));
            case "fact" -> new FormEdit.TestFact(rule, index(f), need(f, "key"), need(f, "value"));
            case "test" -> new FormEdit.NewTest(rule, need(f, "name"), facts(f.getOrDefault("facts", "")), need(f, "status"), f.get("amount"));
            case "parameter" -> new FormEdit.NewParameter(rule, need(f, "name"), f.get("date"), need(f, "literal"),
                    f.get("source"), f.get("label"));
            case "let" -> new FormEdit.NewLet(rule, need(f, "name"), need(f, "expr"), f.get("label"));
            case "rule" -> new FormEdit.NewRule(policyId, measure(f), need(f, "title"), need(f, "quote"),
                    f.getOrDefault("kind", "奖补"), f.getOrDefault("delivery", "申请"));
            case "remove" -> new FormEdit.RemoveRule(rule, f.get("reason"));
            case "indicator" -> new FormEdit.NewIndicator(need(f, "id"), need(f, "name"), f.getOrDefault("unit", ""),
                    need(f, "granularity"), need(f, "source"), f.getOrDefault("sign", "nonnegative"),
                    "true".equals(f.get("integral")));
            default -> throw new EditRefused("未知的修改：" + op);
        };
    }

    /** The form field a refused edit is shown at ("" when it has no single field): the field keys of {@link Fields}. */
    static String fieldOf(FormEdit e) {
        if (e instanceof FormEdit.RuleField f && f.key().startsWith("borne_by.")) {
            return Fields.key("borne_by", f.rule(), -1, null);
        }
        if (e instanceof FormEdit.LoopOrder o) {
            return Fields.key(o.field(), o.rule(), o.index(), o.name());
        }
        if (e instanceof FormEdit.Expression x) {
            return Fields.key(x.field(), x.rule(), x.index(), x.name());
        }
        return "";
    }

    /** Facts written one a line as "指标 = 值" (or "指标: 值"). */
    static List<FormEdit.Fact> facts(String text) {
        List<FormEdit.Fact> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int at = line.indexOf('=');
            if (at < 0) {
                at = line.lastIndexOf(": ");
            }
            if (at <= 0) {
                throw new EditRefused("企业数据每行写成“指标 = 值”，如 electricity_kwh[2024-02] = 60万千瓦时；这一行不是：" + line.strip());
            }
            out.add(new FormEdit.Fact(line.substring(0, at).strip(), line.substring(at + 1).replaceFirst("^\\s*:?", "").strip()));
        }
        return out;
    }

    private static int index(Map<String, String> f) {
        try {
            return Integer.parseInt(f.getOrDefault("index", "-1").strip());
        } catch (NumberFormatException e) {
            throw new EditRefused("序号应为数字");
        }
    }

    private static int loop(Map<String, String> f) {
        try {
            return Integer.parseInt(f.getOrDefault("loop", "0").strip());
        } catch (NumberFormatException e) {
            throw new EditRefused("循环序号应为数字");
        }
    }

    private static int measure(Map<String, String> f) {
        try {
            return Integer.parseInt(f.getOrDefault("measure", "").strip());
        } catch (NumberFormatException e) {
            throw new EditRefused("请选择措施（第几条）");
        }
    }

    private static String need(Map<String, String> f, String key) {
        String v = f.get(key);
        if (v == null) {
            throw new EditRefused("缺少 " + key);
        }
        return v;
    }
}
