package huiqi.web.facts;

import huiqi.quantity.Expectation;
import huiqi.quantity.QuantityText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code POST /api/v1/facts} read as written (no catalog checks yet):
 * {@code {batchId, source?, facts: [{uscc, indicator, period, value}], lists: [{uscc, kind, items: [{id, field: value}]}]}}.
 * A value is a string ("52万千瓦时") or a JSON number (in the indicator's catalog unit). {@code facts} or
 * {@code lists} may be left out, not both. {@code listsJson} is the lists as written (compact), for the content hash.
 */
record FactBatchRequest(String batchId, String source, List<Item> items, List<ItemList> lists, String listsJson) {
    static final int MAX_ITEMS = 50_000;
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Set<String> KEYS = Set.of("batchId", "source", "facts", "lists");
    private static final List<String> LIST_KEYS = List.of("uscc", "kind", "items");
    private static final Expectation NUMBER = Expectation.quantity("数值").allowingNegative();
    private static final List<String> ITEM_KEYS = List.of("uscc", "indicator", "period", "value");

    record Item(String uscc, String indicator, String period, String value, boolean number) {
    }

    /**
     * One enterprise's whole list of one kind as written: each item's keys (id or the kind's key, field ids or
     * names) with their values as text (numbers as written, true/false as 是/否; null: the field is unknown).
     */
    record ItemList(String uscc, String kind, List<Map<String, String>> items) {
    }

    /** @throws FactBatchRejected (malformed) listing every structural problem */
    static FactBatchRequest parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw malformed(FactBatchProblem.batch("", "不是有效的 JSON（" + e.getOriginalMessage() + "）"));
        }
        if (root == null || !root.isObject()) {
            throw malformed(FactBatchProblem.batch("", "请求体应为 JSON 对象 {batchId, source, facts}"));
        }
        List<FactBatchProblem> problems = new ArrayList<>();
        for (String k : root.propertyNames()) {
            if (!KEYS.contains(k)) {
                problems.add(FactBatchProblem.batch(k, "未知的键 '" + k + "'（只允许 batchId、source、facts、lists）"));
            }
        }
        String batchId = text(root.get("batchId"));
        if (batchId == null || batchId.isBlank()) {
            problems.add(FactBatchProblem.batch("batchId", "缺少批次号 batchId（由上报系统生成，同一批数据重发时不变）"));
        } else if (batchId.length() > 100 || batchId.chars().anyMatch(Character::isISOControl)) {
            problems.add(FactBatchProblem.batch("batchId", "批次号最长 100 个字符，且不能含控制字符"));
        }
        JsonNode sourceNode = root.get("source");
        String source = text(sourceNode);
        if (sourceNode != null && !sourceNode.isNull() && (source == null || source.isBlank() || source.length() > 100)) {
            problems.add(FactBatchProblem.batch("source", "来源部门 source 应为 1 到 100 个字符的文本"));
        }
        List<Item> items = new ArrayList<>();
        JsonNode facts = root.get("facts");
        JsonNode listsNode = root.get("lists");
        int listed = listsNode != null && listsNode.isArray() ? listsNode.size() : 0;
        if (listsNode != null && !listsNode.isArray()) {
            problems.add(FactBatchProblem.batch("lists", "lists 应为数组 [{uscc, kind, items}]"));
        }
        if (facts == null && listed > 0) {
            // a batch of item lists only
        } else if (facts == null || !facts.isArray() || facts.isEmpty()) {
            problems.add(FactBatchProblem.batch("facts", "facts 应为非空数组（只报清单时可省略 facts，但 lists 须非空）"));
        } else if (facts.size() > MAX_ITEMS) {
            problems.add(FactBatchProblem.batch("facts", "一批最多 " + MAX_ITEMS + " 条，实为 " + facts.size() + " 条；请分批上报"));
        } else {
            for (int i = 0; i < facts.size(); i++) {
                items.add(item(i, facts.get(i), problems));
            }
        }
        List<ItemList> lists = new ArrayList<>();
        int listItems = 0;
        for (int l = 0; l < listed; l++) {
            ItemList list = list(l, listsNode.get(l), problems);
            if (list != null) {
                lists.add(list);
                listItems += list.items().size();
            }
        }
        if (items.size() + listItems > MAX_ITEMS) {
            problems.add(FactBatchProblem.batch("lists", "一批最多 " + MAX_ITEMS + " 条（事实与清单项合计），实为 "
                    + (items.size() + listItems) + " 条；请分批上报"));
        }
        if (!problems.isEmpty()) {
            throw new FactBatchRejected(true, problems);
        }
        return new FactBatchRequest(batchId.trim(), source == null ? null : source.trim(), items, lists,
                listed == 0 ? null : listsNode.toString());
    }

    private static ItemList list(int l, JsonNode n, List<FactBatchProblem> problems) {
        String at = "lists[" + l + "]";
        if (!n.isObject()) {
            problems.add(FactBatchProblem.inList(at, "", "每份清单应为对象 {uscc, kind, items}"));
            return null;
        }
        int before = problems.size();
        for (String k : n.propertyNames()) {
            if (!LIST_KEYS.contains(k)) {
                problems.add(FactBatchProblem.inList(at + "." + k, k, "未知的键 '" + k + "'（只允许 uscc、kind、items）"));
            }
        }
        for (String k : List.of("uscc", "kind")) {
            JsonNode f = n.get(k);
            if (f == null || !f.isString()) {
                problems.add(FactBatchProblem.inList(at + "." + k, k, k + " 应为字符串"));
            }
        }
        JsonNode itemsNode = n.get("items");
        List<Map<String, String>> items = new ArrayList<>();
        if (itemsNode == null || !itemsNode.isArray()) {
            problems.add(FactBatchProblem.inList(at + ".items", "items",
                    "items 应为数组（空数组表示该企业没有这种清单项，库中原有的清单被清空）"));
        } else {
            for (int j = 0; j < itemsNode.size(); j++) {
                items.add(listItem(at + ".items[" + j + "]", itemsNode.get(j), problems));
            }
        }
        return problems.size() > before ? null : new ItemList(text(n.get("uscc")), text(n.get("kind")), items);
    }

    private static Map<String, String> listItem(String at, JsonNode n, List<FactBatchProblem> problems) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (!n.isObject()) {
            problems.add(FactBatchProblem.inList(at, "", "每个清单项应为对象 {id, 字段: 值}"));
            return texts;
        }
        for (String k : n.propertyNames()) {
            JsonNode v = n.get(k);
            if (v.isNull()) {
                texts.put(k, null);
            } else if (v.isString()) {
                texts.put(k, v.stringValue());
            } else if (v.isNumber()) {
                try {
                    QuantityText.check(v.decimalValue(), NUMBER);
                    texts.put(k, v.decimalValue().toPlainString());
                } catch (IllegalArgumentException e) {
                    problems.add(FactBatchProblem.inList(at + "." + k, k, e.getMessage()));
                }
            } else if (v.isBoolean()) {
                texts.put(k, v.booleanValue() ? "是" : "否");
            } else {
                problems.add(FactBatchProblem.inList(at + "." + k, k, k + " 应为文本、数字或 true/false"));
            }
        }
        return texts;
    }

    private static Item item(int i, JsonNode n, List<FactBatchProblem> problems) {
        if (!n.isObject()) {
            problems.add(new FactBatchProblem(i, "", "每条事实应为对象 {uscc, indicator, period, value}"));
            return null;
        }
        for (String k : n.propertyNames()) {
            if (!ITEM_KEYS.contains(k)) {
                problems.add(new FactBatchProblem(i, k, "未知的键 '" + k + "'（只允许 uscc、indicator、period、value）"));
            }
        }
        String[] v = new String[4];
        for (int k = 0; k < 3; k++) {
            JsonNode f = n.get(ITEM_KEYS.get(k));
            if (f != null && !f.isNull() && !f.isString()) {
                problems.add(new FactBatchProblem(i, ITEM_KEYS.get(k), ITEM_KEYS.get(k) + " 应为字符串"));
            } else {
                v[k] = text(f);
            }
        }
        JsonNode value = n.get("value");
        boolean number = value != null && value.isNumber();
        if (value != null && !value.isNull() && !value.isString() && !number) {
            problems.add(new FactBatchProblem(i, "value", "value 应为数字或带单位的文本（如 \"52万千瓦时\"）"));
        } else if (number) {
            // bounded before it is ever written out in full: 1e1000000 would be a million digits
            try {
                QuantityText.check(value.decimalValue(), NUMBER);
                v[3] = value.decimalValue().toPlainString(); // as written: part of the batch's content hash
            } catch (IllegalArgumentException e) {
                problems.add(new FactBatchProblem(i, "value", e.getMessage()));
            }
        } else {
            v[3] = text(value);
        }
        return new Item(v[0], v[1], v[2], v[3], number);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || !n.isString() ? null : n.stringValue();
    }

    private static FactBatchRejected malformed(FactBatchProblem p) {
        return new FactBatchRejected(true, List.of(p));
    }

    /**
     * SHA-256 over the source, the facts and the lists as written, in order: what "the same batch" means. A batch
     * without lists hashes as before lists existed, so a replay of an earlier batch is still recognised.
     */
    String contentHash(String effectiveSource) {
        StringBuilder sb = new StringBuilder(effectiveSource).append('\n');
        for (Item it : items) {
            sb.append(it.uscc()).append('\t').append(it.indicator()).append('\t').append(it.period()).append('\t')
                    .append(it.number() ? "#" : "\"").append(it.value()).append('\n');
        }
        if (listsJson != null) {
            sb.append("lists\t").append(listsJson).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
