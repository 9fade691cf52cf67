package huiqi.web.fulfilment;

import huiqi.fulfilment.ActionInput;
import huiqi.fulfilment.Actor;
import huiqi.fulfilment.BankAccounts;
import huiqi.fulfilment.CaseStateMachine;
import huiqi.fulfilment.TransitionRefused;
import huiqi.web.files.FileNames;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** 申请-type benefits: the enterprise applies for an offer with its bank account and attachments. */
public class Applications {
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CaseRepository cases;
    private final AuditLog audit;

    public Applications(JdbcClient jdbc, TransactionTemplate tx, CaseRepository cases, AuditLog audit) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.cases = cases;
        this.audit = audit;
    }

    /** An uploaded file; its name is reduced to a plain, bounded file name (a path or 300 characters never reach the database). */
    public record Attachment(String fileName, String contentType, byte[] content) {
        public Attachment {
            fileName = FileNames.clean(fileName, "附件");
        }
    }

    public record Offer(String ruleId, String uscc, String period, String title, String payer, String unit,
                        BigDecimal amount, String explanation, Long caseId) {
    }

    public List<Offer> offersOf(String uscc) {
        return jdbc.sql("""
                select o.*, (select max(c.id) from fulfilment_case c where c.rule_id = o.rule_id and c.uscc = o.uscc
                                and c.period = o.period and c.payer = o.payer and c.delivery = '申请') as case_id
                from fulfilment_offer o where o.uscc = ? order by o.rule_id""").param(uscc)
                .query((rs, i) -> new Offer(rs.getString("rule_id"), rs.getString("uscc"), rs.getString("period"),
                        rs.getString("title"), rs.getString("payer"), rs.getString("unit"), rs.getBigDecimal("amount"),
                        rs.getString("explanation"), (Long) rs.getObject("case_id"))).list();
    }

    public CaseRecord apply(Actor actor, String ruleId, String uscc, String period, String bankAccount,
                            List<Attachment> attachments) {
        List<Attachment> files = attachments.stream().filter(a -> a.content() != null && a.content().length > 0).toList();
        try {
            return tx.execute(s -> {
                // A benefit with two payers is offered (and paid) as one case per payer.
                List<Map<String, Object>> offers = jdbc.sql(
                                "select * from fulfilment_offer where rule_id = ? and uscc = ? and period = ? order by payer for update")
                        .params(ruleId, uscc, period).query().listOfRows();
                if (offers.isEmpty()) {
                    throw new TransitionRefused(TransitionRefused.Reason.STATE, "没有可申请的该项政策（" + ruleId + "）");
                }
                CaseRecord first = null;
                for (Map<String, Object> offer : offers) {
                    CaseRecord c = applyOne(actor, ruleId, uscc, period, bankAccount, files, offer);
                    first = first == null ? c : first;
                }
                return first;
            });
        } catch (TransitionRefused e) {
            tx.executeWithoutResult(s -> audit.record(actor, "申请", "offer", ruleId + "/" + uscc, null, null, "已拒绝：" + e.getMessage()));
            throw e;
        }
    }

    private CaseRecord applyOne(Actor actor, String ruleId, String uscc, String period, String bankAccount,
                                List<Attachment> files, Map<String, Object> offer) {
        String unit = (String) offer.get("unit");
        String payer = (String) offer.get("payer");
        CaseStateMachine.apply(uscc, unit, actor, ActionInput.application(bankAccount,
                files.stream().map(Attachment::fileName).toList()));
        Integer open = jdbc.sql("""
                select count(*) from fulfilment_case where rule_id = ? and uscc = ? and period = ? and payer = ?
                and state not in ('已驳回', '已撤销')""").params(ruleId, uscc, period, payer).query(Integer.class).single();
        if (open > 0) {
            throw new TransitionRefused(TransitionRefused.Reason.STATE, "该政策已提交申请，请勿重复申请");
        }
        int seq = jdbc.sql("select coalesce(max(seq) + 1, 0) from fulfilment_case where rule_id = ? and uscc = ? and period = ? and payer = ?")
                .params(ruleId, uscc, period, payer).query(Integer.class).single();
        long id = jdbc.sql("""
                insert into fulfilment_case (rule_id, title, uscc, enterprise_name, payer, unit, period, seq, kind, delivery,
                                             rule_class, amount, state, explanation, bank_account, facts_confirmed,
                                             pushed_at, confirmed_at, parts)
                values (?, ?, ?, (select name from enterprise where uscc = ?), ?, ?, ?, ?, '兑现', '申请', ?, ?, '部门审核', ?, ?,
                        true, now(), now(), cast(? as jsonb)) returning id""")
                .params(ruleId, offer.get("title"), uscc, uscc, payer, unit, period, seq,
                        offer.get("rule_class"), offer.get("amount"), offer.get("explanation"),
                        BankAccounts.normalize(bankAccount), offer.get("parts") == null ? null : offer.get("parts").toString())
                .query(Long.class).single();
        for (Attachment a : files) {
            jdbc.sql("insert into fulfilment_attachment (case_id, file_name, content_type, content) values (?, ?, ?, ?)")
                    .params(id, a.fileName(), a.contentType(), a.content()).update();
        }
        CaseRecord c = cases.find(id).orElseThrow();
        audit.record(actor, "申请", "case", id, null, c.audit(), files.size() + " 份附件");
        return c;
    }

    /** One stored attachment of a case, with its content. */
    public Optional<Attachment> attachment(long caseId, long attachmentId) {
        return jdbc.sql("select file_name, content_type, content from fulfilment_attachment where id = ? and case_id = ?")
                .params(attachmentId, caseId)
                .query((rs, i) -> new Attachment(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")))
                .optional();
    }

    public List<Map<String, Object>> attachments(long caseId) {
        return jdbc.sql("select id, file_name, content_type, octet_length(content) as size, uploaded_at from fulfilment_attachment where case_id = ? order by id")
                .param(caseId).query().listOfRows();
    }
}
