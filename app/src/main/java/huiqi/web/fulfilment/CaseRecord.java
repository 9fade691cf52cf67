package huiqi.web.fulfilment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import huiqi.fulfilment.BankAccounts;
import huiqi.fulfilment.CaseKey;
import huiqi.fulfilment.CaseRef;
import huiqi.fulfilment.CaseState;
import huiqi.fulfilment.Payers;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One row of fulfilment_case. */
public record CaseRecord(long id, String ruleId, String title, String uscc, String enterpriseName, String payer,
                         String unit, String period, int seq, String kind, String delivery, String ruleClass,
                         BigDecimal amount, CaseState state, String explanation, String bankAccount,
                         boolean factsConfirmed, String lastReason, OffsetDateTime matchedAt, OffsetDateTime pushedAt,
                         OffsetDateTime confirmedAt, OffsetDateTime approvedAt, String approvedBy,
                         OffsetDateTime paidAt, @JsonIgnore List<String> unitIds, @JsonIgnore List<String> payerUnitIds) {

    public CaseRecord {
        unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
        payerUnitIds = payerUnitIds == null ? List.of() : List.copyOf(payerUnitIds);
    }

    static CaseRecord map(ResultSet rs, int row) throws SQLException {
        return new CaseRecord(rs.getLong("id"), rs.getString("rule_id"), rs.getString("title"), rs.getString("uscc"),
                rs.getString("enterprise_name"), rs.getString("payer"), rs.getString("unit"), rs.getString("period"),
                rs.getInt("seq"), rs.getString("kind"), rs.getString("delivery"), rs.getString("rule_class"),
                rs.getBigDecimal("amount"), CaseState.parse(rs.getString("state")), rs.getString("explanation"),
                rs.getString("bank_account"), rs.getBoolean("facts_confirmed"), rs.getString("last_reason"),
                rs.getObject("matched_at", OffsetDateTime.class), rs.getObject("pushed_at", OffsetDateTime.class),
                rs.getObject("confirmed_at", OffsetDateTime.class), rs.getObject("approved_at", OffsetDateTime.class),
                rs.getString("approved_by"), rs.getObject("paid_at", OffsetDateTime.class),
                rs.getString("unit_id") == null ? List.of() : List.of(rs.getString("unit_id")), ids(rs.getArray("payer_unit_ids")));
    }

    static List<String> ids(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    public CaseRef ref() {
        return new CaseRef(state, uscc, unit, Payers.unit(payer), approvedBy, unitIds, payerUnitIds);
    }

    public CaseKey key() {
        return new CaseKey(ruleId, uscc, period, payer);
    }

    /** The same case with the bank account reduced to its last four digits (for everyone but its payer). */
    public CaseRecord withMaskedAccount() {
        return bankAccount == null ? this : new CaseRecord(id, ruleId, title, uscc, enterpriseName, payer, unit, period, seq, kind,
                delivery, ruleClass, amount, state, explanation, maskedAccount(), factsConfirmed, lastReason, matchedAt, pushedAt,
                confirmedAt, approvedAt, approvedBy, paidAt, unitIds, payerUnitIds);
    }

    public String maskedAccount() {
        return BankAccounts.masked(bankAccount);
    }

    /** What the audit log keeps of a case (the bank account masked). */
    public Map<String, Object> audit() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("rule", ruleId);
        m.put("uscc", uscc);
        m.put("period", period);
        m.put("seq", seq);
        m.put("kind", kind);
        m.put("amount", amount.toPlainString());
        m.put("state", state.label());
        m.put("unit", unit);
        m.put("payer", payer);
        if (bankAccount != null) {
            m.put("bankAccount", maskedAccount());
        }
        if (lastReason != null) {
            m.put("reason", lastReason);
        }
        return m;
    }
}
