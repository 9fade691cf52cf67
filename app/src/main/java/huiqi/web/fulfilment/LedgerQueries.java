package huiqi.web.fulfilment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** 兑现台账: the ledger with filters, and its totals. */
@Component
public class LedgerQueries {
    private final JdbcClient jdbc;

    LedgerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Filter(String payer, String ruleId, String uscc, String batchId, String period, String kind,
                         String unit, LocalDate from, LocalDate to) {
        public static Filter all() {
            return new Filter(null, null, null, null, null, null, null, null, null);
        }
    }

    public record Entry(long id, long caseId, String ruleId, String title, String uscc, String enterpriseName,
                        String payer, String unit, String period, int seq, String kind, BigDecimal amount,
                        String batchId, String approver, String paidBy, String bankAccount, OffsetDateTime paidAt,
                        List<huiqi.fulfilment.BearerPart> parts) {
        public String maskedAccount() {
            return huiqi.fulfilment.BankAccounts.masked(bankAccount);
        }

        public Entry withMaskedAccount() {
            return new Entry(id, caseId, ruleId, title, uscc, enterpriseName, payer, unit, period, seq, kind, amount, batchId,
                    approver, paidBy, maskedAccount(), paidAt, parts);
        }

        /** Who bears the paid amount (borne_by), one line: "出租方 某公司 1,200.50 元；…"; "" when the rule names none. */
        public String bearers() {
            return parts.stream().map(p -> p.role() + " " + p.name() + " " + Money.yuan(p.amount()))
                    .collect(java.util.stream.Collectors.joining("；"));
        }
    }

    public List<Entry> find(Filter f, int limit) {
        List<Object> p = new ArrayList<>();
        String where = where(f, p);
        return jdbc.sql("""
                select l.*, c.title, c.enterprise_name, c.parts::text as parts from ledger_entry l join fulfilment_case c on c.id = l.case_id
                """ + where + " order by l.id desc limit " + Math.max(1, Math.min(limit, 1_000_000)))
                .params(p).query((rs, i) -> new Entry(rs.getLong("id"), rs.getLong("case_id"), rs.getString("rule_id"),
                        rs.getString("title"), rs.getString("uscc"), rs.getString("enterprise_name"), rs.getString("payer"),
                        rs.getString("unit"), rs.getString("period"), rs.getInt("seq"), rs.getString("kind"),
                        rs.getBigDecimal("amount"), rs.getString("batch_id"), rs.getString("approver"),
                        rs.getString("paid_by"), rs.getString("bank_account"), rs.getObject("paid_at", OffsetDateTime.class),
                        CaseParts.parse(rs.getString("parts"))))
                .list();
    }

    public record Totals(long entries, BigDecimal amount) {
    }

    public Totals totals(Filter f) {
        List<Object> p = new ArrayList<>();
        String where = where(f, p);
        return jdbc.sql("select count(*), coalesce(sum(l.amount), 0) from ledger_entry l " + where).params(p)
                .query((rs, i) -> new Totals(rs.getLong(1), rs.getBigDecimal(2))).single();
    }

    private static String where(Filter f, List<Object> p) {
        StringBuilder w = new StringBuilder("where 1 = 1");
        eq(w, p, "l.payer", f.payer());
        eq(w, p, "l.rule_id", f.ruleId());
        eq(w, p, "l.uscc", f.uscc());
        eq(w, p, "l.batch_id", f.batchId());
        eq(w, p, "l.period", f.period());
        eq(w, p, "l.kind", f.kind());
        eq(w, p, "l.unit", f.unit());
        if (f.from() != null) {
            w.append(" and l.paid_at >= ?");
            p.add(f.from().atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime());
        }
        if (f.to() != null) {
            w.append(" and l.paid_at < ?");
            p.add(f.to().plusDays(1).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime());
        }
        return w.toString();
    }

    private static void eq(StringBuilder w, List<Object> p, String column, String value) {
        if (value != null && !value.isBlank()) {
            w.append(" and ").append(column).append(" = ?");
            p.add(value.strip());
        }
    }

    public List<String> payers() {
        return jdbc.sql("select distinct payer from fulfilment_case union select payer from payer_budget order by 1")
                .query(String.class).list();
    }
}
