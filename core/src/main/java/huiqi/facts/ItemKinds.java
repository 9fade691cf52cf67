package huiqi.facts;

import huiqi.quantity.Units;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the {@code items:} section of indicators.yaml (see docs/formats.md, 清单). */
final class ItemKinds {
    private ItemKinds() {
    }

    @SuppressWarnings("unchecked")
    static List<ItemKind> parse(Object section, String file, Set<String> takenIds) {
        if (section == null) {
            return List.of();
        }
        if (!(section instanceof List<?> list)) {
            throw new IllegalArgumentException(file + ": items 应为清单种类的列表");
        }
        List<ItemKind> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> raw)) {
                throw new IllegalArgumentException(file + ": items 的条目应为映射: " + o);
            }
            Map<String, Object> m = (Map<String, Object>) raw;
            String id = req(m, "id", file);
            if (takenIds.contains(id)) {
                throw new IllegalArgumentException(file + ": 清单 " + id + " 与已有的属性、指标或清单重名");
            }
            takenIds.add(id);
            if (!(m.get("fields") instanceof List<?> fl) || fl.isEmpty()) {
                throw new IllegalArgumentException(file + ": 清单 " + id + " 缺少 fields（字段列表）");
            }
            List<ItemKind.Field> fields = new ArrayList<>();
            Set<String> fieldIds = new HashSet<>();
            for (Object f : fl) {
                Map<String, Object> fm = (Map<String, Object>) f;
                String fid = req(fm, "id", file);
                if (!fieldIds.add(fid)) {
                    throw new IllegalArgumentException(file + ": 清单 " + id + " 的字段 " + fid + " 重复");
                }
                AttributeType type;
                try {
                    type = AttributeType.valueOf(req(fm, "type", file).toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ": 清单 " + id + " 字段 " + fid + " 的 type 应为 number、date、text 或 boolean");
                }
                if (type != AttributeType.NUMBER && type != AttributeType.DATE && type != AttributeType.TEXT
                        && type != AttributeType.BOOLEAN) {
                    throw new IllegalArgumentException(file + ": 清单 " + id + " 字段 " + fid + " 的 type 应为 number、date、text 或 boolean");
                }
                String unit = null;
                if (type == AttributeType.NUMBER) {
                    unit = fm.get("unit") == null ? "" : fm.get("unit").toString();
                    if (!unit.isEmpty() && Units.parse(unit).isEmpty()) {
                        throw new IllegalArgumentException(file + ": 清单 " + id + " 字段 " + fid + " 的单位 '" + unit + "' 无法识别");
                    }
                }
                fields.add(new ItemKind.Field(fid, req(fm, "name", file), type, unit));
            }
            out.add(new ItemKind(id, req(m, "name", file), req(m, "key", file), String.valueOf(m.getOrDefault("source", "")), fields));
        }
        return out;
    }

    private static String req(Map<String, Object> m, String key, String file) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException(file + ": 清单条目缺少 '" + key + "': " + m);
        }
        return v.toString();
    }
}
