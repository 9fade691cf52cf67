package huiqi.web.facts;

import huiqi.enterprise.ImportProblem;
import huiqi.enterprise.ImportedItems;
import huiqi.enterprise.ItemReader;
import huiqi.enterprise.ItemRows;
import huiqi.enterprise.Table;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.ItemKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks the item lists of a fact batch with the import's own items-sheet check ({@link ItemRows}): each list is
 * laid out as the table an items sheet would be (columns uscc, kind, item_id and the keys its items use, one row
 * per item, a row with an empty id for an empty list), and each problem's file/row/column is turned back into the
 * list's JSON path.
 */
@Component
class FactBatchLists {
    private static final Pattern ROW = Pattern.compile("与第 (\\d+) 行重复");

    private final IndicatorCatalog catalog;
    private final JdbcClient jdbc;

    FactBatchLists(IndicatorCatalog catalog, JdbcClient jdbc) {
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    /** The lists to store (file = the batch id, row = the list's position from 1); problems are added, in order. */
    List<ImportedItems> validate(FactBatchRequest batch, List<FactBatchProblem> problems) {
        if (batch.lists().isEmpty()) {
            return List.of();
        }
        Set<String> known = known(batch);
        Map<String, String> seenLists = new HashMap<>();
        Set<FactBatchProblem> found = new LinkedHashSet<>();
        List<ImportedItems> out = new ArrayList<>();
        for (int l = 0; l < batch.lists().size(); l++) {
            FactBatchRequest.ItemList list = batch.lists().get(l);
            String at = "lists[" + l + "]";
            List<String> idKeys = idKeys(list.kind());
            List<String> header = header(list, idKeys);
            List<Table.Row> rows = new ArrayList<>();
            if (list.items().isEmpty()) {
                rows.add(new Table.Row(2, List.of(list.uscc(), list.kind(), ""))); // the sheet's way to say "none"
            }
            for (int j = 0; j < list.items().size(); j++) {
                Map<String, String> item = list.items().get(j);
                List<String> cells = new ArrayList<>(List.of(list.uscc(), list.kind(), id(item, idKeys)));
                for (String key : header.subList(3, header.size())) {
                    String v = item.get(key);
                    cells.add(v == null ? "" : v);
                }
                rows.add(new Table.Row(j + 2, cells));
            }
            List<ImportProblem> listProblems = new ArrayList<>();
            List<ImportedItems> parsed = ItemRows.parse(new Table(at, header, rows, null), catalog,
                    known::contains, seenLists, listProblems);
            for (ImportProblem p : listProblems) {
                found.add(problem(at, p, list, idKeys));
            }
            if (listProblems.isEmpty()) {
                for (ImportedItems i : parsed) {
                    out.add(new ImportedItems(i.uscc(), i.kind(), i.items(), batch.batchId(), l + 1));
                }
            }
        }
        problems.addAll(found);
        return out;
    }

    /** The keys an item of this kind may carry its id under (the kind's key, e.g. 贷款编号, once the kind is known). */
    private List<String> idKeys(String kind) {
        List<String> keys = new ArrayList<>(ItemReader.ID_KEYS);
        catalog.itemKinds().stream().filter(k -> k.id().equals(kind) || k.name().equals(kind)).findFirst()
                .map(ItemKind::key).ifPresent(keys::add);
        return keys;
    }

    private static List<String> header(FactBatchRequest.ItemList list, List<String> idKeys) {
        Set<String> fields = new LinkedHashSet<>();
        list.items().forEach(i -> i.keySet().stream().filter(k -> !idKeys.contains(k.trim())).forEach(fields::add));
        List<String> header = new ArrayList<>(List.of("uscc", "kind", "item_id"));
        header.addAll(fields);
        return header;
    }

    private static String id(Map<String, String> item, List<String> idKeys) {
        for (Map.Entry<String, String> e : item.entrySet()) {
            if (idKeys.contains(e.getKey().trim()) && e.getValue() != null) {
                return e.getValue();
            }
        }
        return "";
    }

    private static FactBatchProblem problem(String at, ImportProblem p, FactBatchRequest.ItemList list, List<String> idKeys) {
        String column = p.column() == null ? "" : p.column();
        int j = p.row() - 2;
        String item = at + ".items[" + j + "]";
        String reason = p.reason()
                .replace("在本次导入的 ", "在本批的 ")
                .replace("（一份清单须在一个文件中完整给出）", "（一份清单须在一处完整给出）");
        Matcher m = ROW.matcher(reason);
        if (m.find()) {
            reason = m.replaceFirst("与 " + at + ".items[" + (Integer.parseInt(m.group(1)) - 2) + "] 重复");
        }
        return switch (column) {
            case "uscc", "kind" -> FactBatchProblem.inList(at + "." + column, column, reason);
            case "item_id" -> {
                String key = j >= 0 && j < list.items().size() ? list.items().get(j).keySet().stream()
                        .filter(k -> idKeys.contains(k.trim())).findFirst().orElse("id") : "id";
                yield FactBatchProblem.inList(j >= 0 && j < list.items().size() ? item + "." + key : at + ".items", key, reason);
            }
            case "" -> FactBatchProblem.inList(j >= 0 && j < list.items().size() ? item : at, "", reason);
            default -> FactBatchProblem.inList(item + "." + column, column, reason);
        };
    }

    private Set<String> known(FactBatchRequest batch) {
        Set<String> codes = new HashSet<>();
        batch.lists().forEach(l -> codes.add(l.uscc().trim().toUpperCase(Locale.ROOT)));
        return new HashSet<>(jdbc.sql("select uscc from enterprise where uscc = any(?)")
                .param(codes.toArray(String[]::new)).query(String.class).list());
    }
}
