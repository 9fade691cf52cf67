package huiqi.web.rules.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The item loops of an expression ({@code for l in loans [order by KEY [asc|desc]] where … return …}) and their order,
 * read and rewritten in the text itself: a block scalar's line breaks and every other character stay as written.
 */
final class ItemLoops {
    private static final Pattern LOOP = Pattern.compile(
            "\\bfor\\s+([A-Za-z_]\\w*)\\s+in\\s+([A-Za-z_]\\w*)(\\s+order\\s+by\\s+(.+?)(?:\\s+(asc|desc))?)?(?=\\s+(?:where|return)\\b)",
            Pattern.DOTALL);
    /** An order key the form may write: the item's fields, numbers and arithmetic (nothing YAML would read otherwise). */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.()+\\-*/ ,]+");

    private ItemLoops() {
    }

    /** One loop: its variable, the item kind, and its order (key blank: the items' own order, by 编号). */
    record Loop(String variable, String kind, String key, boolean descending) {
    }

    static List<Loop> in(String expr) {
        List<Loop> out = new ArrayList<>();
        if (expr == null) {
            return out;
        }
        Matcher m = LOOP.matcher(expr);
        while (m.find()) {
            out.add(new Loop(m.group(1), m.group(2), m.group(4) == null ? "" : m.group(4).replaceAll("\\s+", " ").strip(),
                    "desc".equals(m.group(5))));
        }
        return out;
    }

    /**
     * The text with the {@code loop}-th loop ordered by {@code key} in {@code direction} (asc / desc), or unordered when
     * the key is blank. An explicit {@code asc} already written stays.
     */
    static String withOrder(String text, int loop, String key, String direction) {
        String k = key == null ? "" : key.strip().replaceAll("\\s+", " ");
        boolean desc = switch (direction == null ? "" : direction.strip()) {
            case "desc" -> true;
            case "asc", "" -> false;
            default -> throw new EditRefused("排序方向应为升序或降序");
        };
        Matcher m = LOOP.matcher(text);
        for (int i = 0; m.find(); i++) {
            if (i != loop) {
                continue;
            }
            if (!k.isEmpty()) {
                if (!KEY.matcher(k).matches() || !k.matches(".*\\b" + Pattern.quote(m.group(1)) + "\\.[A-Za-z_].*")) {
                    throw new EditRefused("排序键应读本项的字段，如 " + m.group(1) + ".start（" + m.group(2) + " 的日期或数值字段）");
                }
            }
            String order = k.isEmpty() ? "" : " order by " + k + (desc ? " desc" : "asc".equals(m.group(5)) ? " asc" : "");
            int from = m.group(3) == null ? m.end(2) : m.start(3);
            int to = m.group(3) == null ? m.end(2) : m.end(3);
            return text.substring(0, from) + order + text.substring(to);
        }
        throw new EditRefused("表达式中没有第 " + (loop + 1) + " 个逐项循环");
    }
}
