package huiqi.web.matching;

import java.math.BigDecimal;
import java.util.List;

/**
 * 一企一策 for one enterprise: what it gets (amount, payer, delivery, why), what cannot be decided yet and
 * which data is missing, and near misses (匹配预警) with the distance to the threshold.
 *
 * <p>{@code total} is the engine's sum of every eligible CNY amount; {@code cash} (奖补 paid out) and
 * {@code relief} (减免: taxes and fees not charged) split the same eligible amounts, so a tax reduction is never
 * added into money the enterprise receives. Expired measures still count: their amounts are for periods before
 * the end date, and each such benefit carries a note saying so.
 */
public record MatchReport(String uscc, List<Benefit> eligible, List<Benefit> undeterminable,
                          List<Benefit> nearMisses, List<Benefit> ineligible, BigDecimal total, List<String> notes,
                          BigDecimal cash, BigDecimal relief) {

    /**
     * {@code kind} is the Chinese kind (奖补, 减免 …); {@code validity} says until when the measure applies, or how
     * that was decided when its text names no end date; {@code expired} marks a measure whose validity has ended;
     * {@code missingIds} are the engine's names of the missing data ("electricity_kwh[2024-02]"), {@code missing}
     * the same in words; {@code parts} who bears how much when each item's amount is borne by its own party (borne_by:
     * 出租方 per lease), empty otherwise.
     */
    /** One bearer's part of a benefit: “出租方 黄石市城市发展投资集团有限公司 减免 3,500.00元（HT1、HT3）”. */
    public record Part(String role, String name, BigDecimal amount, List<String> items) { }

    public record Benefit(String ruleId, String documentId, String docNumber, int measure, String title,
                          String status, BigDecimal amount, String payer, String delivery, List<String> explanation,
                          List<String> missing, String nearMiss, String kind, String validity, boolean expired,
                          List<String> missingIds, List<Part> parts) {

        public Benefit(String ruleId, String documentId, String docNumber, int measure, String title, String status,
                       BigDecimal amount, String payer, String delivery, List<String> explanation, List<String> missing,
                       String nearMiss, String kind, String validity, boolean expired, List<String> missingIds) {
            this(ruleId, documentId, docNumber, measure, title, status, amount, payer, delivery, explanation, missing, nearMiss,
                    kind, validity, expired, missingIds, List.of());
        }

        public boolean relief() {
            return "减免".equals(kind);
        }
    }
}
