package huiqi.enterprise;

import huiqi.facts.FactValue;
import huiqi.facts.Facts;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import huiqi.facts.Provenance;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the enterprise JSON of {@code ./huiqi eval} (docs/formats.md "企业数据 JSON"):
 * {@code {profile: {uscc, name, region, industry, size, attributes: {...}}, facts: [{indicator, period, value, source}]}}.
 * Every attribute and indicator must be in indicators.yaml; values are checked against their declared
 * type, unit and granularity. Values, periods and profile fields are read by {@link FactReader}, the same reader as
 * the example tests of rules.yaml. Any problem is an {@link EnterpriseDataException} naming the place.
 */
public final class EnterpriseJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** Keys of the profile object besides the attributes named directly, in the order the error message lists them. */
    private static final List<String> PROFILE_KEYS = Stream.of(List.of("uscc", "name"),
            Arrays.stream(ProfileField.values()).map(ProfileField::id).toList(), List.of("attributes")).flatMap(List::stream).toList();

    private EnterpriseJson() {
    }

    public static EnterpriseRecord read(Path file, IndicatorCatalog catalog) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EnterpriseDataException(file + ": 无法读取企业数据文件（" + e.getMessage() + "）");
        }
        return parse(text, file.toString(), catalog);
    }

    public static EnterpriseRecord parse(String json, String name, IndicatorCatalog catalog) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            throw new EnterpriseDataException(name + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr())
                    + ": 不是有效的 JSON（" + e.getOriginalMessage() + "）");
        }
        if (root == null || !root.isObject()) {
            throw new EnterpriseDataException(name + ": 企业数据应为 JSON 对象 {profile, facts}");
        }
        for (String k : root.propertyNames()) {
            if (!k.equals("profile") && !k.equals("facts") && !k.equals("items")) {
                throw new EnterpriseDataException(name + ": 未知的键 '" + k + "'（只允许 profile、facts 和 items）");
            }
        }
        FactReader reader = new FactReader(catalog);
        Enterprise profile = profile(root.get("profile"), name, catalog, reader);
        Facts facts = Facts.empty();
        JsonNode fs = root.get("facts");
        if (fs != null && !fs.isNull()) {
            if (!fs.isArray()) {
                throw new EnterpriseDataException(name + ": facts 应为数组");
            }
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < fs.size(); i++) {
                FactValue f = fact(fs.get(i), name, i, reader);
                Integer first = seen.putIfAbsent(f.indicator() + "|" + f.period(), i);
                if (first != null) {
                    throw new EnterpriseDataException(name + ": facts[" + i + "] 与 facts[" + first + "] 重复（指标 "
                            + f.indicator() + "、期间 " + f.period() + " 只能有一个值）");
                }
                facts.put(f);
            }
        }
        items(root.get("items"), name, catalog, facts);
        return new EnterpriseRecord(profile, facts);
    }

    /** {@code "items": {"loans": [{"id": "L001", "start": "2020-03-01", "balance": "500万元", …}]}}: all or nothing. */
    private static void items(JsonNode items, String name, IndicatorCatalog catalog, Facts facts) {
        if (items == null || items.isNull()) {
            return;
        }
        if (!items.isObject()) {
            throw new EnterpriseDataException(name + ": items 应为对象 {清单: [项目…]}");
        }
        ItemReader reader = new ItemReader(catalog);
        for (String kindKey : items.propertyNames()) {
            huiqi.facts.ItemKind kind;
            try {
                kind = reader.kind(kindKey);
            } catch (IllegalArgumentException e) {
                throw new EnterpriseDataException(name + ": items." + kindKey + " " + e.getMessage());
            }
            JsonNode list = items.get(kindKey);
            if (!list.isArray()) {
                throw new EnterpriseDataException(name + ": items." + kindKey + " 应为数组");
            }
            java.util.List<huiqi.facts.Item> out = new java.util.ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                String where = name + ": items." + kindKey + "[" + i + "]";
                if (!item.isObject()) {
                    throw new EnterpriseDataException(where + " 应为对象");
                }
                Map<String, String> texts = new LinkedHashMap<>();
                for (String f : item.propertyNames()) {
                    JsonNode v = item.get(f);
                    texts.put(f, v.isNull() ? null : v.isNumber() ? v.decimalValue().toPlainString() : v.asString());
                }
                try {
                    out.add(reader.read(kind, texts));
                } catch (IllegalArgumentException e) {
                    throw new EnterpriseDataException(where + " " + e.getMessage());
                }
            }
            try {
                ItemReader.addAll(facts, kind, out);
            } catch (IllegalArgumentException e) {
                throw new EnterpriseDataException(name + ": items." + kindKey + " " + e.getMessage());
            }
        }
    }

    private static Enterprise profile(JsonNode p, String name, IndicatorCatalog catalog, FactReader reader) {
        if (p == null || !p.isObject()) {
            throw new EnterpriseDataException(name + ": 缺少 profile 对象（企业画像）");
        }
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (String k : p.propertyNames()) {
            if (!PROFILE_KEYS.contains(k) && catalog.attribute(k).isEmpty()) {
                throw new EnterpriseDataException(name + ": profile." + k + " 未知：既不是画像字段（" + String.join("、", PROFILE_KEYS) + "），"
                        + "也不是 indicators.yaml 中的属性");
            }
        }
        String uscc = text(p, "uscc", name);
        if (uscc == null || uscc.isBlank()) {
            throw new EnterpriseDataException(name + ": profile.uscc（统一社会信用代码）缺失");
        }
        try {
            uscc = FactReader.uscc(uscc);
        } catch (IllegalArgumentException e) {
            throw new EnterpriseDataException(name + ": profile.uscc " + e.getMessage());
        }
        JsonNode a = p.get("attributes");
        if (a != null && !a.isNull()) {
            if (!a.isObject()) {
                throw new EnterpriseDataException(name + ": profile.attributes 应为对象");
            }
            for (String k : a.propertyNames()) {
                putAttribute(attrs, k, a.get(k), name, "profile.attributes." + k, reader);
            }
        }
        for (String k : p.propertyNames()) {
            if (!PROFILE_KEYS.contains(k)) {
                putAttribute(attrs, k, p.get(k), name, "profile." + k, reader);
            }
        }
        String region;
        try {
            region = FactReader.region(text(p, ProfileField.REGION.id(), name));
        } catch (IllegalArgumentException e) {
            throw new EnterpriseDataException(name + ": profile.region " + e.getMessage());
        }
        return new Enterprise(uscc, text(p, "name", name), region, text(p, ProfileField.INDUSTRY.id(), name),
                text(p, ProfileField.SIZE.id(), name), attrs);
    }

    /** A null attribute is unknown: left out, as in rule tests. */
    private static void putAttribute(Map<String, Object> attrs, String id, JsonNode v, String name, String where, FactReader reader) {
        try {
            IndicatorCatalog.Attribute attr = reader.attribute(id);
            Object value = reader.attributeValue(attr, v == null || v.isNull() ? null : v.isString() ? v.stringValue() : v.toString());
            if (value != null) {
                attrs.put(attr.id(), value);
            }
        } catch (IllegalArgumentException e) {
            throw new EnterpriseDataException(name + ": " + where + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode p, String key, String name) {
        JsonNode v = p.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString() && !v.isNumber()) {
            throw new EnterpriseDataException(name + ": profile." + key + " 应为文字");
        }
        String t = v.isString() ? v.stringValue() : v.toString();
        if (CellText.hasControl(t)) {
            throw new EnterpriseDataException(name + ": profile." + key + " 含有不可见的控制字符（如 NUL）");
        }
        return t;
    }

    private static FactValue fact(JsonNode f, String name, int i, FactReader reader) {
        String where = name + ": facts[" + i + "]（第 " + (i + 1) + " 条事实）";
        if (f == null || !f.isObject()) {
            throw new EnterpriseDataException(where + " 应为对象 {indicator, period, value, source}");
        }
        for (String k : f.propertyNames()) {
            if (!Set.of("indicator", "period", "value", "source").contains(k)) {
                throw new EnterpriseDataException(where + " 未知的键 '" + k + "'");
            }
        }
        JsonNode in = f.get("indicator");
        if (in == null || !in.isString()) {
            throw new EnterpriseDataException(where + " 缺少 indicator（指标 id）");
        }
        String id = in.stringValue();
        IndicatorCatalog.Indicator ind;
        try {
            ind = reader.indicator(id);
        } catch (IllegalArgumentException e) {
            throw new EnterpriseDataException(where + " " + e.getMessage());
        }
        JsonNode pn = f.get("period");
        if (pn == null || !pn.isString()) {
            throw new EnterpriseDataException(where + " 缺少 period（期间，如 \"2024-02\"）");
        }
        Period period;
        try {
            period = reader.period(ind, pn.stringValue());
        } catch (IllegalArgumentException e) {
            throw new EnterpriseDataException(where + " period: " + e.getMessage());
        }
        JsonNode vn = f.get("value");
        if (vn == null || vn.isNull()) {
            throw new EnterpriseDataException(where + " 缺少 value；没有数据的期间请不要写这条事实（缺失不等于 0）");
        }
        BigDecimal value;
        try {
            if (vn.isNumber()) {
                value = reader.value(ind, vn.decimalValue());
            } else if (vn.isString()) {
                value = reader.value(ind, vn.stringValue());
            } else {
                throw new IllegalArgumentException("value 应为数字或带单位的文字，如 600000 或 \"60万千瓦时\"");
            }
        } catch (IllegalArgumentException e) {
            throw new EnterpriseDataException(where + " value: " + e.getMessage());
        }
        JsonNode sn = f.get("source");
        String source = sn == null || sn.isNull() ? ind.source() : sn.asString();
        return new FactValue(id, period, value, new Provenance(source, name, i + 1));
    }
}
