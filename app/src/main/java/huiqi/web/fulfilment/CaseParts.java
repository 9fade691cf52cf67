package huiqi.web.fulfilment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import huiqi.fulfilment.BearerPart;
import huiqi.fulfilment.CaseKey;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The bearer parts stored with a case or an offer (column {@code parts}, JSON). */
final class CaseParts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<BearerPart>> LIST = new TypeReference<>() { };

    private CaseParts() {
    }

    /** The column's value: null for no parts. */
    static String json(List<BearerPart> parts) {
        if (parts == null || parts.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(parts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<BearerPart> parse(String json) {
        if (json == null || json.isBlank() || "null".equals(json)) {
            return List.of();
        }
        try {
            return JSON.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("兑现事项的承担方明细无法读取", e);
        }
    }

    static List<BearerPart> ofCase(JdbcClient jdbc, long caseId) {
        return jdbc.sql("select parts::text from fulfilment_case where id = ?").param(caseId)
                .query(String.class).optional().map(CaseParts::parse).orElse(List.of());
    }

    /** The parts of each paid case of this benefit (an empty list for a paid case stored without parts). */
    static List<List<BearerPart>> paid(JdbcClient jdbc, CaseKey key) {
        return jdbc.sql("""
                select parts::text from fulfilment_case where rule_id = ? and uscc = ? and period = ? and payer = ?
                and state = '已兑现' order by seq""").params(key.ruleId(), key.uscc(), key.period(), key.payer())
                .query((rs, i) -> parse(rs.getString(1))).list();
    }
}
