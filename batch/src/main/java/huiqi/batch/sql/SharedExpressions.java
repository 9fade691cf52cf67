package huiqi.batch.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Common sub-expressions computed once. Exact arithmetic repeats its operands (min/max compare and then
 * return them, a quotient's denominator appears in its sign test and value, rounding uses N and D three
 * times), so nested rules grew exponentially (170 KB of SQL for 24 rules, planned and evaluated that many
 * times). A repeated operand is instead named {@code t_<n>} and computed in a SELECT layer below its use:
 * <pre>  (SELECT *, &lt;expr&gt; AS t_7, … FROM previous) AS s3</pre>
 * Identical SQL text gets the same name. A name is placed one layer above the names it reads; layers are
 * plain {@code SELECT *, …} (standard SQL).
 */
final class SharedExpressions {
    private static final Pattern REF = Pattern.compile("\\bt_\\d+\\b");
    private static final Pattern SIMPLE = Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_]*|TRUE|FALSE|CAST\\('[-0-9.]*' AS [A-Z]+(\\(\\d+,\\d+\\))?\\)|CAST\\(NULL AS [A-Z]+(\\(\\d+,\\d+\\))?\\)");

    private final Map<String, String> names = new HashMap<>();
    /** Layer (0 = lowest) of each name not yet placed. */
    private final Map<String, Integer> pendingLayer = new HashMap<>();
    private final List<List<String>> pending = new ArrayList<>();
    private int next;
    private int layers;

    /** A column name computing {@code sql} (or {@code sql} itself when it is already a column or literal). */
    String name(String sql) {
        if (SIMPLE.matcher(sql).matches()) {
            return sql;
        }
        String n = names.get(sql);
        if (n != null) {
            return n;
        }
        int layer = 0;
        Matcher m = REF.matcher(sql);
        while (m.find()) {
            Integer below = pendingLayer.get(m.group());
            if (below != null) {
                layer = Math.max(layer, below + 1);
            }
        }
        n = "t_" + (next++);
        names.put(sql, n);
        pendingLayer.put(n, layer);
        while (pending.size() <= layer) {
            pending.add(new ArrayList<>());
        }
        pending.get(layer).add(sql + " AS " + n);
        return n;
    }

    /** Wraps {@code from} in the layers computing the names created since the last call. */
    String place(String from) {
        for (List<String> cols : pending) {
            from = "(SELECT *, " + String.join(",\n  ", cols) + "\nFROM " + from + ") AS s" + (layers++);
        }
        pending.clear();
        pendingLayer.clear();
        return from;
    }
}
