package huiqi.enterprise;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads and checks the 统一社会信用代码 cell of a row. */
final class UsccCells {
    private UsccCells() {
    }

    /**
     * The upper-cased code, or null after recording why it is unusable. With {@code seen} (code → first row),
     * a second row for the same code is a duplicate.
     */
    static String read(Table t, Table.Row row, Columns cols, List<ImportProblem> problems, Map<String, Integer> seen) {
        String header = cols.headerOf(t, "uscc");
        String code = row.cell(cols.position("uscc").orElseThrow()).toUpperCase(Locale.ROOT);
        Optional<String> bad = Uscc.problem(code);
        if (bad.isPresent()) {
            problems.add(new ImportProblem(t.file(), row.number(), header, bad.get() + (code.isEmpty() ? "" : "（'" + code + "'）")));
            return null;
        }
        if (seen != null) {
            Integer first = seen.putIfAbsent(code, row.number());
            if (first != null) {
                problems.add(new ImportProblem(t.file(), row.number(), header, "企业 " + code + " 重复（首次出现在第" + first + "行）"));
            }
        }
        return code;
    }
}
