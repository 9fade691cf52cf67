package huiqi.web.matching;

import java.math.BigDecimal;
import java.util.List;

/**
 * 一企一策 for one enterprise: what it gets (amount, payer, delivery, why), what cannot be decided yet and
 * which data is missing, and near misses (匹配预警) with the distance to the threshold.
 */
public record MatchReport(String uscc, List<Benefit> eligible, List<Benefit> undeterminable,
                          List<Benefit> nearMisses, List<Benefit> ineligible, BigDecimal total, List<String> notes) {

    public record Benefit(String ruleId, String documentId, String docNumber, int measure, String title,
                          String status, BigDecimal amount, String payer, String delivery, List<String> explanation,
                          List<String> missing, String nearMiss) {
    }
}
