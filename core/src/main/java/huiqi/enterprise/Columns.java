package huiqi.enterprise;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Maps a file's header to column ids: each header cell may be the English id or the Chinese name. */
final class Columns {
    private final Map<String, Integer> index = new HashMap<>();

    /** Column id → position, for the header cells that {@code resolve} recognises; the rest are reported. */
    static Columns of(Table table, Function<String, Optional<String>> resolve,
                      List<ImportProblem> problems) {
        Columns c = new Columns();
        List<String> header = table.header();
        for (int i = 0; i < header.size(); i++) {
            String raw = clean(header.get(i));
            if (raw.isEmpty()) {
                continue;
            }
            Optional<String> id = resolve.apply(raw);
            if (id.isEmpty()) {
                problems.add(new ImportProblem(table.file(), 1, raw, "未知的列（不是档案字段，也不在 indicators.yaml 中）"));
            } else if (c.index.putIfAbsent(id.get(), i) != null) {
                problems.add(new ImportProblem(table.file(), 1, raw, "列重复（与第" + (c.index.get(id.get()) + 1) + "列相同）"));
            }
        }
        return c;
    }

    static String clean(String headerCell) {
        return headerCell == null ? "" : headerCell.replace("\uFEFF", "").trim();
    }

    static String key(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    Optional<Integer> position(String id) {
        return Optional.ofNullable(index.get(id));
    }

    boolean has(String id) {
        return index.containsKey(id);
    }

    Set<String> ids() {
        return index.keySet();
    }

    String headerOf(Table table, String id) {
        return clean(table.header().get(index.get(id)));
    }
}
