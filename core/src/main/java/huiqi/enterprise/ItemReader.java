package huiqi.enterprise;

import huiqi.facts.AttributeType;
import huiqi.facts.Facts;
import huiqi.facts.Granularity;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Item;
import huiqi.facts.ItemKind;
import java.time.DateTimeException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one reader of listed items written as text (enterprise JSON, rule tests, the CSV/XLSX items sheet): an item's
 * id and fields by id or Chinese name, values read like indicator and attribute values (units, %, dates). Every failure
 * is an {@link IllegalArgumentException} with a Chinese message naming the item; callers prefix their place.
 */
public final class ItemReader {
    /** The keys naming an item's id besides its kind's {@code key} (贷款编号). */
    public static final List<String> ID_KEYS = List.of("id", "编号");

    private final IndicatorCatalog catalog;

    public ItemReader(IndicatorCatalog catalog) {
        this.catalog = catalog;
    }

    public ItemKind kind(String idOrName) {
        return catalog.itemKinds().stream().filter(k -> k.id().equals(idOrName) || k.name().equals(idOrName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("未知清单 '" + idOrName + "'：indicators.yaml 的 items 中没有它"));
    }

    /** One item from its texts (null text: the field is unknown); the id under id, 编号 or the kind's key. */
    public Item read(ItemKind kind, Map<String, String> texts) {
        String id = null;
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            String key = e.getKey().trim();
            if (ID_KEYS.contains(key) || key.equals(kind.key())) {
                id = e.getValue() == null ? null : e.getValue().trim();
                continue;
            }
            ItemKind.Field f = kind.fields().stream().filter(x -> x.id().equals(key) || x.name().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(kind.name() + "没有字段 '" + key + "'（字段：" + kind.fieldList() + "）"));
            if (e.getValue() != null && !e.getValue().isBlank()) {
                fields.put(f.id(), e.getValue());
            }
        }
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException(kind.name() + "缺少" + kind.key() + "（id）");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            ItemKind.Field f = kind.field(e.getKey()).orElseThrow();
            values.put(f.id(), value(kind, id, f, (String) e.getValue()));
        }
        return new Item(kind.id(), id, values);
    }

    /** Adds items of one kind, refusing a repeated id. */
    public static void addAll(Facts facts, ItemKind kind, List<Item> items) {
        Set<String> ids = new HashSet<>();
        facts.declareNone(kind.id());
        for (Item i : items) {
            if (!ids.add(i.id())) {
                throw new IllegalArgumentException(kind.name() + " " + i.id() + " 重复（" + kind.key() + "在同一企业内须唯一）");
            }
            facts.add(i);
        }
    }

    private static Object value(ItemKind kind, String id, ItemKind.Field f, String text) {
        String where = kind.name() + " " + id + " 的" + f.name();
        try {
            if (f.type() == AttributeType.NUMBER) {
                String synth = kind.id() + "." + f.id();
                var ind = new IndicatorCatalog.Indicator(synth, f.name(), f.unit(), Granularity.DAY, kind.source());
                try {
                    return FactText.indicator(ind, text);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage().replace("指标 " + synth + "（" + f.name() + "）", "")
                            .replace("指标 " + synth, ""), e);
                }
            }
            if (f.type() == AttributeType.TEXT) {
                return text.trim();
            }
            String synth = kind.id() + "." + f.id();
            try {
                return FactText.attribute(new IndicatorCatalog.Attribute(synth, f.name(), f.type(), kind.source()), text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().replace("属性 " + synth + "（" + f.name() + "）", ""), e);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "：" + e.getMessage(), e);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(where + "：不是有效的日期（应为 2024-02-01 这样的日期）", e);
        }
    }
}
