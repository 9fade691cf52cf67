package huiqi.enterprise;

import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Item;
import huiqi.facts.ItemKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An items sheet (CSV/XLSX) of an import: one row per item, columns 统一社会信用代码 (uscc), 清单 (kind), 编号 (item_id)
 * and the fields by id or Chinese name; an empty cell is an unknown field, a row with an empty 编号 declares an empty
 * list. Several kinds may share a sheet; a cell in a column the row's kind does not have must be empty. Every problem
 * is reported with its file, row and column; the caller rejects the whole import if there is any. /api/v1/facts
 * checks the item lists of a fact batch here too (one table per list), so both paths accept and refuse the same.
 */
public final class ItemRows {
    private static final List<String> USCC = List.of("uscc", "统一社会信用代码");
    private static final List<String> KIND = List.of("kind", "清单");
    private static final List<String> ID = List.of("item_id", "编号");

    private ItemRows() {
    }

    static boolean isItemHeader(List<String> header) {
        return header.stream().map(Columns::clean).anyMatch(KIND::contains);
    }

    /**
     * @param known       whether an enterprise (its normalised code) is in the store or comes with the same import
     * @param seenLists   uscc|kind → the file (table) that gave that list first: a list given by two tables is refused
     */
    public static List<ImportedItems> parse(Table t, IndicatorCatalog catalog, Predicate<String> known,
                                     Map<String, String> seenLists, List<ImportProblem> problems) {
        List<String> header = t.header().stream().map(Columns::clean).toList();
        int uscc = indexOf(header, USCC);
        int kind = indexOf(header, KIND);
        int id = indexOf(header, ID);
        if (uscc < 0 || id < 0) {
            problems.add(new ImportProblem(t.file(), 1, "", "清单文件需要 统一社会信用代码（uscc）、清单（kind）、编号（item_id）三列"));
            return List.of();
        }
        ItemReader reader = new ItemReader(catalog);
        Map<String, Map<String, List<Item>>> lists = new LinkedHashMap<>();
        Map<String, Integer> firstRow = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> ids = new LinkedHashMap<>();
        for (Table.Row row : t.rows()) {
            if (row.isBlank()) {
                continue;
            }
            String u;
            try {
                u = FactReader.uscc(row.cell(uscc));
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(t.file(), row.number(), header.get(uscc), e.getMessage()));
                continue;
            }
            if (!known.test(u)) {
                problems.add(new ImportProblem(t.file(), row.number(), header.get(uscc), "企业 " + u + " 不在企业档案中"));
                continue;
            }
            ItemKind k;
            try {
                k = reader.kind(row.cell(kind));
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(t.file(), row.number(), header.get(kind), e.getMessage()));
                continue;
            }
            String listKey = u + "|" + k.id();
            String where = seenLists.putIfAbsent(listKey, t.file());
            if (where != null && !where.equals(t.file())) {
                problems.add(new ImportProblem(t.file(), row.number(), header.get(kind), "企业 " + u + " 的" + k.name()
                        + "清单在本次导入的 " + where + " 中也有（一份清单须在一个文件中完整给出）"));
                continue;
            }
            List<Item> list = lists.computeIfAbsent(u, x -> new LinkedHashMap<>()).computeIfAbsent(k.id(), x -> new ArrayList<>());
            firstRow.putIfAbsent(listKey, row.number());
            String itemId = row.cell(id);
            Map<String, String> texts = new LinkedHashMap<>();
            boolean cellOutsideKind = false;
            for (int c = 0; c < header.size(); c++) {
                if (c == uscc || c == kind || c == id || row.cell(c).isEmpty()) {
                    continue;
                }
                String col = header.get(c);
                if (k.fields().stream().noneMatch(f -> f.id().equals(col) || f.name().equals(col))) {
                    problems.add(new ImportProblem(t.file(), row.number(), col, k.name() + "没有字段 '" + col + "'（字段：" + k.fieldList() + "）"));
                    cellOutsideKind = true;
                    continue;
                }
                texts.put(col, row.cell(c));
            }
            if (itemId.isEmpty()) {
                if (!texts.isEmpty() && !cellOutsideKind) {
                    problems.add(new ImportProblem(t.file(), row.number(), header.get(id), k.name() + "缺少" + k.key() + "（编号）；编号留空的行只表示没有" + k.name()));
                }
                continue; // an empty list of this kind
            }
            Integer dup = ids.computeIfAbsent(listKey, x -> new LinkedHashMap<>()).putIfAbsent(itemId, row.number());
            if (dup != null) {
                problems.add(new ImportProblem(t.file(), row.number(), header.get(id), k.name() + " " + itemId + " 与第 " + dup + " 行重复"));
                continue;
            }
            texts.put("id", itemId);
            try {
                list.add(reader.read(k, texts));
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(t.file(), row.number(), column(e.getMessage(), k, header), e.getMessage()));
            }
        }
        List<ImportedItems> out = new ArrayList<>();
        lists.forEach((u, byKind) -> byKind.forEach((k, items) ->
                out.add(new ImportedItems(u, k, items, t.file(), firstRow.get(u + "|" + k)))));
        return out;
    }

    /** The column a field's message is about (its Chinese name appears in the message), else "". */
    private static String column(String message, ItemKind k, List<String> header) {
        for (ItemKind.Field f : k.fields()) {
            if (message.contains("的" + f.name() + "：")) {
                return header.contains(f.name()) ? f.name() : f.id();
            }
        }
        return "";
    }

    private static int indexOf(List<String> header, List<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(header.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
