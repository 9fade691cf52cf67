package huiqi.web.fulfilment;

import java.util.List;
import org.springframework.stereotype.Component;

/** The .xlsx files: 兑现台账 and the audit log. */
@Component
class Exports {
    private final LedgerQueries ledger;
    private final AuditLog audit;

    Exports(LedgerQueries ledger, AuditLog audit) {
        this.ledger = ledger;
        this.audit = audit;
    }

    byte[] ledger(LedgerQueries.Filter f) {
        List<List<Object>> rows = ledger.find(f, 1_000_000).stream().map(e -> List.<Object>of(e.id(), e.caseId(),
                e.ruleId(), nz(e.title()), e.uscc(), nz(e.enterpriseName()), e.payer(), e.unit(), e.period(), e.seq(), e.kind(),
                e.amount(), nz(e.batchId()), e.approver(), e.paidBy(), e.maskedAccount(), e.paidAt().toString(), e.bearers())).toList();
        return Spreadsheets.xlsx("兑现台账", List.of("台账号", "事项号", "规则", "政策", "统一社会信用代码", "企业", "付款方",
                "责任单位", "期间", "序号", "类型", "金额（元）", "批次", "审核人", "拨付人", "收款账号", "拨付时间",
                "逐项承担方（由付款方一笔支付）"), rows);
    }

    byte[] audit(AuditLog.Filter f) {
        return audit(AuditLog.Query.of(f));
    }

    byte[] audit(AuditLog.Query q) {
        List<List<Object>> rows = audit.find(q, 100_000).stream().map(e -> List.<Object>of(e.id(), e.at().toString(), e.actor(),
                e.role(), e.action(), e.entity(), nz(e.entityId()), nz(e.before()), nz(e.after()), nz(e.detail()))).toList();
        return Spreadsheets.xlsx("审计日志", List.of("序号", "时间", "操作人", "角色", "操作", "对象", "对象编号", "操作前",
                "操作后", "说明"), rows);
    }

    private static Object nz(Object o) {
        return o == null ? "" : o;
    }
}
