package huiqi.web.calculator;

import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.enterprise.Uscc;
import huiqi.facts.AttributeType;
import huiqi.facts.FactValue;
import huiqi.facts.Facts;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import huiqi.facts.Provenance;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A visitor's answers as a profile the rule engine reads: 区划, 行业, 规模, then "a:" + attribute id (是 / 否) and
 * "f:" + indicator id + "[" + period + "]" (a number in the indicator's unit). A blank or unreadable answer is
 * unknown, never false or zero; the unreadable ones are listed so the page can say which.
 */
record Answers(Enterprise profile, Facts facts, Map<String, String> given, List<String> unreadable) {
    /** A well-formed code that belongs to no one: the engine wants one, nothing is stored. */
    static final String VISITOR = Uscc.generate(new Random(10), "350102");

    static Answers read(Map<String, String> params, IndicatorCatalog catalog) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        Facts facts = Facts.empty();
        Map<String, String> given = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            String key = e.getKey();
            String raw = e.getValue() == null ? "" : e.getValue().strip();
            if (raw.isEmpty() || raw.length() > 40) {
                continue;
            }
            try {
                if (key.startsWith("a:")) {
                    var attribute = catalog.attribute(key.substring(2));
                    if (attribute.isPresent()) {
                        attributes.put(attribute.get().id(), attributeValue(attribute.get().type(), raw));
                        given.put(key, raw);
                    }
                } else if (key.startsWith("f:") && key.endsWith("]") && key.indexOf('[') > 2) {
                    String id = key.substring(2, key.indexOf('['));
                    Period period = Period.parse(key.substring(key.indexOf('[') + 1, key.length() - 1));
                    if (catalog.indicator(id).isPresent()) {
                        BigDecimal v = new BigDecimal(raw.replace(",", ""));
                        facts = facts.put(new FactValue(id, period, v, Provenance.of("企业自填（政策计算器）")));
                        given.put(key, raw);
                    }
                }
            } catch (RuntimeException bad) {
                unreadable.add(key);
            }
        }
        String region = clean(params.get("region"), "[0-9]{6}");
        String industry = clean(params.get("industry"), "[A-Za-z]?[0-9]{2,4}");
        String size = clean(params.get("size"), "大型|中型|小型|微型");
        Enterprise profile = new Enterprise(VISITOR, "（试算企业）", region, industry == null ? null : industry.toUpperCase(),
                size, attributes);
        return new Answers(profile, facts, given, unreadable);
    }

    EnterpriseRecord record() {
        return new EnterpriseRecord(profile, facts);
    }

    private static Object attributeValue(AttributeType type, String raw) {
        return switch (type) {
            case BOOLEAN -> switch (raw) {
                case "是" -> Boolean.TRUE;
                case "否" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException(raw);
            };
            case DATE -> LocalDate.parse(raw);
            case MONTH -> YearMonth.parse(raw);
            case NUMBER -> new BigDecimal(raw.replace(",", ""));
            default -> raw;
        };
    }

    private static String clean(String s, String pattern) {
        return s == null || !s.strip().matches(pattern) ? null : s.strip();
    }
}
