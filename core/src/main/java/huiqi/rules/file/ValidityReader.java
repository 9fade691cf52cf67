package huiqi.rules.file;

import huiqi.facts.Period;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code valid:}: a closed range or period as before (2024-01-10..2024-03-31, 2023, 2024-01..2024-03), an
 * open one (2020-02-05.. / ..2020-12-31), or a range ending at an event whose date is a date parameter
 * (2020-01-25..response_end). A bare single date is rejected: it used to mean that one day only, which a reader of
 * "2020-02-05" rarely intends.
 */
final class ValidityReader {
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    /** A validity as written; {@code until} names the event's date parameter, resolved once parameters are read. */
    record Spec(LocalDate from, LocalDate to, String until, Node node) { }

    private final YamlDoc doc;

    ValidityReader(YamlDoc doc) {
        this.doc = doc;
    }

    Spec read(Node n) {
        if (n == null) {
            return null;
        }
        String s = doc.string(n, "valid");
        int dots = s.indexOf("..");
        try {
            if (dots < 0) {
                if (DAY.matcher(s).matches()) {
                    throw doc.problem(n, "valid 只写了一个日期 " + s + "：有效期不能只写一天的日期。仅这一天写 " + s + ".." + s
                            + "，自该日起写 " + s + "..，至该日止写 .." + s);
                }
                Period p = Period.parse(s);
                return new Spec(p.start(), p.end(), null, n);
            }
            String left = s.substring(0, dots).trim();
            String right = s.substring(dots + 2).trim();
            if (left.isEmpty() && right.isEmpty()) {
                throw doc.problem(n, "valid 的起止都为空：写 2020-02-05..、..2020-12-31 或 2020-02-05..2020-12-31");
            }
            if (!left.isEmpty() && !right.isEmpty() && !NAME.matcher(right).matches()) {
                Period p = Period.parse(s);
                return new Spec(p.start(), p.end(), null, n);
            }
            LocalDate from = left.isEmpty() ? null : Period.parse(left).start();
            if (NAME.matcher(right).matches()) {
                return new Spec(from, null, right, n);
            }
            LocalDate to = right.isEmpty() ? null : Period.parse(right).end();
            if (from != null && to != null && to.isBefore(from)) {
                throw doc.problem(n, "valid 的结束 " + to + " 早于开始 " + from);
            }
            return new Spec(from, to, null, n);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw doc.problem(n, "valid 期间格式错误：" + e.getMessage());
        }
    }

    /** The validity with its event date parameter looked up among {@code params} (a rule's, then the file's). */
    Validity resolve(Spec spec, Map<String, Parameter> own, Map<String, Parameter> file) {
        if (spec == null) {
            return null;
        }
        if (spec.until() == null) {
            return new Validity(spec.from(), spec.to(), null);
        }
        Parameter p = own.containsKey(spec.until()) ? own.get(spec.until()) : file.get(spec.until());
        if (p == null) {
            throw doc.problem(spec.node(), "valid 的结束 '" + spec.until() + "' 不是参数：事件结束写成日期参数，如 parameters: { "
                    + spec.until() + ": { value: 待公布, type: 日期, label: 一级响应结束 } }");
        }
        if (!p.isDate()) {
            throw doc.problem(spec.node(), "valid 的结束 '" + spec.until() + "' 应为日期参数，实为 " + p.type());
        }
        if (p.date() != null && spec.from() != null && p.date().isBefore(spec.from())) {
            throw doc.problem(spec.node(), "valid 的结束 " + spec.until() + "（" + p.date() + "）早于开始 " + spec.from());
        }
        return new Validity(spec.from(), null, p);
    }
}
