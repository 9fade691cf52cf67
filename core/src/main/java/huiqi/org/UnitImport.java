package huiqi.org;

import huiqi.enterprise.Table;
import huiqi.enterprise.XlsxRows;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads a directory .xlsx (first sheet, header row, streamed): columns {@value #COLUMNS_TEXT}. Either every row is
 * a valid unit and {@link Result#units()} holds them, or {@link Result#problems()} says which row and column is wrong
 * and nothing may be imported.
 */
public final class UnitImport {
    public static final List<String> COLUMNS = List.of("规范全称", "类型", "区划代码", "所属政府", "上级单位", "简称", "别名", "来源");
    static final String COLUMNS_TEXT = "规范全称、类型、区划代码、所属政府、上级单位、简称、别名、来源";

    /** A unit to add: {@code parent} is a unit id or a canonical name, resolved by the caller. */
    public record Unit(int row, String name, UnitType type, Government government, String parent,
                       List<String> aliases, String source) {
    }

    public record Problem(int row, String column, String message) {
        @Override
        public String toString() {
            return "第 " + row + " 行" + (column.isEmpty() ? "" : "「" + column + "」") + "：" + message;
        }

        /** "「类型」：…" for a form, without the row. */
        public String field() {
            return (column.isEmpty() ? "" : "「" + column + "」：") + message;
        }
    }

    public record Result(List<Unit> units, List<Problem> problems) {
        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    private UnitImport() {
    }

    public static Result read(Path xlsx, Predicate<String> nameTaken) throws IOException {
        return of(XlsxRows.read(xlsx), nameTaken);
    }

    /**
     * One unit entered in the 管理员 form, checked like an imported row: cells in {@link #COLUMNS} order.
     * Problems carry row 0 (their {@link Problem#field()} reads without a row number).
     */
    public static Result single(List<String> cells, Predicate<String> nameTaken) {
        List<Table.Row> rows = List.of(new Table.Row(0, COLUMNS), new Table.Row(0, cells));
        return of(rows, nameTaken);
    }

    static Result of(List<Table.Row> rows, Predicate<String> nameTaken) {
        List<Problem> problems = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        if (rows.isEmpty()) {
            return new Result(List.of(), List.of(new Problem(1, "", "文件为空")));
        }
        Table.Row header = rows.get(0);
        for (int c = 0; c < COLUMNS.size(); c++) {
            if (!COLUMNS.get(c).equals(header.cell(c))) {
                problems.add(new Problem(header.number(), COLUMNS.get(c), "表头第 " + (c + 1) + " 列应为「" + COLUMNS.get(c) + "」"));
            }
        }
        if (!problems.isEmpty()) {
            return new Result(List.of(), problems);
        }
        Set<String> seen = new HashSet<>();
        for (Table.Row r : rows.subList(1, rows.size())) {
            int n = r.number();
            String name = Spellings.normalize(r.cell(0));
            UnitType type = null;
            Government g = null;
            if (name.isEmpty()) {
                problems.add(new Problem(n, "规范全称", "不能为空"));
            } else if (!seen.add(name)) {
                problems.add(new Problem(n, "规范全称", "与前面的行重复"));
            } else if (nameTaken.test(name)) {
                problems.add(new Problem(n, "规范全称", "组织目录中已有同名单位（如需合并请在目录页面操作）"));
            }
            try {
                type = UnitType.ofLabel(r.cell(1));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(n, "类型", "应为 人民政府、部门、园区管委会、街道乡镇、国有企业、金融机构 或 议事协调机构"));
            }
            String code = r.cell(2);
            String government = r.cell(3);
            if (!code.matches("\\d{6}")) {
                problems.add(new Problem(n, "区划代码", "应为 6 位行政区划代码"));
            } else if (government.isEmpty()) {
                problems.add(new Problem(n, "所属政府", "不能为空"));
            } else {
                g = Government.of(code, government);
                if (g.parent().isEmpty() && g.level() == huiqi.policy.Level.PARK) {
                    problems.add(new Problem(n, "区划代码", "区划代码 " + code + " 不存在"));
                }
            }
            List<String> aliases = new ArrayList<>();
            if (g != null && type != null && !name.isEmpty()) {
                aliases.addAll(UnitSeed.aliases(name, g, split(r.cell(5)), split(r.cell(6))));
            }
            if (problems.stream().noneMatch(p -> p.row() == n)) {
                units.add(new Unit(n, name, type, g, r.cell(4), aliases, r.cell(7)));
            }
        }
        return new Result(problems.isEmpty() ? units : List.of(), problems);
    }

    private static List<String> split(String s) {
        return s.isBlank() ? List.of() : List.of(s.split("[|｜、]"));
    }
}
