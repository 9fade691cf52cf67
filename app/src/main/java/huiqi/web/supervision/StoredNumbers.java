package huiqi.web.supervision;

import huiqi.quantity.Expectation;
import huiqi.quantity.QuantityText;
import java.math.BigDecimal;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Progress values as stored, read and shown defensively: rows written before values were bounded may hold
 * numbers of any length (PostgreSQL numerics reach 131,072 digits), and a page must never fail because of them.
 */
public final class StoredNumbers {
    private static final Logger LOG = LoggerFactory.getLogger(StoredNumbers.class);
    /** Longer than any numeric PostgreSQL can store (131,072 + 16,383 digits). */
    private static final int MAX_STORED_DIGITS = 150_000;
    private static final JsonMapper LENIENT = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(MAX_STORED_DIGITS).build()).build()).build();
    private static final TypeReference<Map<Integer, BigDecimal>> ACHIEVED = new TypeReference<>() { };
    private static final Expectation SHOWN = Expectation.quantity("").allowingNegative();

    private StoredNumbers() {
    }

    /** supervision_report.achieved (target index → value); an unreadable column reads as no values, never as an error. */
    static Map<Integer, BigDecimal> achieved(long reportId, String json) {
        try {
            Map<Integer, BigDecimal> m = LENIENT.readValue(json, ACHIEVED);
            return m == null ? Map.of() : m;
        } catch (RuntimeException e) {
            LOG.warn("督查报送 {} 的完成值无法读取，按无完成值显示：{}", reportId, e.getMessage());
            return Map.of();
        }
    }

    /** A stored value for a page or an export: plain digits when within the bounds typed values have, else a note. */
    public static String shown(BigDecimal v) {
        if (v == null) {
            return "—";
        }
        try {
            return QuantityText.check(v, SHOWN).toPlainString();
        } catch (IllegalArgumentException e) {
            return "超出范围（请重新报送）";
        }
    }
}
