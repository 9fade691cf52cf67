package huiqi.web.fulfilment;

import huiqi.fulfilment.ActionInput;
import huiqi.fulfilment.CaseAction;
import huiqi.fulfilment.CaseState;
import huiqi.web.security.HuiqiUser;
import huiqi.web.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API of 兑现 (/api/v1/fulfilment). Every method states its role rule; the state machine does the rest. */
@RestController
@RequestMapping("/api/v1/fulfilment")
@Tag(name = "兑现", description = "兑现事项、台账、预算与上限、审计、社会贡献值")
class FulfilmentApiController {
    private final FulfilmentServices services;
    private final BudgetRequests budgetRequests;

    FulfilmentApiController(FulfilmentServices services, BudgetRequests budgetRequests) {
        this.services = services;
        this.budgetRequests = budgetRequests;
    }

    @Operation(summary = "兑现事项列表（企业只能看到本企业的）")
    @GetMapping("/cases")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','FINANCE','ENTERPRISE')")
    List<CaseRecord> list(@AuthenticationPrincipal HuiqiUser user, @RequestParam(required = false) String uscc,
                          @RequestParam(required = false) String unit, @RequestParam(required = false) List<CaseState> state,
                          @RequestParam(required = false) String rule, @RequestParam(defaultValue = "1000") int limit) {
        String who = user.getRole() == Role.ENTERPRISE ? user.getUscc() : uscc;
        return services.access().shown(services.cases().find(new CaseRepository.Filter(who, unit, state, rule, null, limit)), user);
    }

    @Operation(summary = "一个兑现事项")
    @GetMapping("/cases/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','FINANCE','ENTERPRISE')")
    CaseRecord get(@AuthenticationPrincipal HuiqiUser user, @PathVariable long id) {
        return services.access().shown(services.access().readable(id, user), user);
    }

    @Operation(summary = "一个兑现事项的承担方明细（各出租方等承担的部分，合计等于事项金额；付款仍由付款方一笔支付）")
    @GetMapping("/cases/{id}/parts")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','FINANCE','ENTERPRISE')")
    List<huiqi.fulfilment.BearerPart> parts(@AuthenticationPrincipal HuiqiUser user, @PathVariable long id) {
        return services.cases().parts(services.access().readable(id, user).id());
    }

    @Operation(summary = "下载申请附件（本企业、审核单位、付款方财政经办、管理员）")
    @GetMapping("/cases/{id}/attachments/{attachment}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','FINANCE','ENTERPRISE')")
    ResponseEntity<byte[]> attachment(@AuthenticationPrincipal HuiqiUser user, @PathVariable long id, @PathVariable long attachment) {
        return Downloads.attachment(services.access().attachment(id, attachment, user));
    }

    /** action: 推送 确认 异议 重新推送 审核通过 驳回 拨付 撤销. */
    record ActionRequest(String action, String reason, String bankAccount, Boolean factsConfirmed, String batchId) {
    }

    @Operation(summary = "对事项执行一个操作（推送、确认、异议、重新推送、审核通过、驳回、拨付、撤销）",
            description = "状态、角色、归属不符或缺少理由/账号时返回 403/409/400，说明为中文")
    @PostMapping("/cases/{id}/actions")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','FINANCE','ENTERPRISE')")
    CaseRecord act(@AuthenticationPrincipal HuiqiUser user, @PathVariable long id, @RequestBody ActionRequest r) {
        return services.access().shown(services.workflow().act(id, Actors.of(user), CaseAction.parse(r.action()),
                new ActionInput(r.reason(), r.bankAccount(), Boolean.TRUE.equals(r.factsConfirmed()), List.of()), r.batchId()), user);
    }

    record BulkRequest(String action, List<Long> caseIds, String reason, String batchId) {
    }

    record BulkResult(String batchId, long ok, long refused, List<CaseWorkflow.Outcome> outcomes) {
    }

    @Operation(summary = "批量操作（批量推送、批量审核通过、批量拨付），每个事项单独成事务，可安全重试；一次最多 1000 件")
    @PostMapping("/bulk")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','FINANCE')")
    BulkResult bulk(@AuthenticationPrincipal HuiqiUser user, @RequestBody BulkRequest r) {
        CaseAction action = CaseAction.parse(r.action());
        String batch = action == CaseAction.PAY ? (r.batchId() == null || r.batchId().isBlank() ? Batches.newId() : r.batchId()) : null;
        List<CaseWorkflow.Outcome> out = services.workflow().bulk(r.caseIds() == null ? List.of() : r.caseIds(), Actors.of(user), action,
                ActionInput.reason(r.reason()), batch);
        long ok = out.stream().filter(CaseWorkflow.Outcome::ok).count();
        return new BulkResult(batch, ok, out.size() - ok, out);
    }

    @Operation(summary = "本企业可申请的政策（申请类）")
    @GetMapping("/offers")
    @PreAuthorize("hasRole('ENTERPRISE')")
    List<Applications.Offer> offers(@AuthenticationPrincipal HuiqiUser user) {
        return services.applications().offersOf(user.getUscc());
    }

    @Operation(summary = "企业提交申请（附件、收款账号）")
    @PostMapping(value = "/applications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ENTERPRISE')")
    CaseRecord apply(@AuthenticationPrincipal HuiqiUser user, @RequestParam String rule, @RequestParam String period,
                     @RequestParam String bankAccount,
                     @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        return services.applications().apply(Actors.of(user), rule, user.getUscc(), period, bankAccount, Downloads.attachments(files));
    }

    record MatchImport(List<MatchImports.Row> matches, Set<String> rules) {
    }

    @Operation(summary = "导入一次匹配结果（批量免申即享的输出），逐条与规则引擎按当前数据的结果核对一致后，只生成差额",
            description = "只涉及所导入的企业（经办只涉及本单位）；任何一条不符则整批拒绝（400），不做改动")
    @PostMapping("/matches")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    MatchSync.Result importMatches(@AuthenticationPrincipal HuiqiUser user, @RequestBody MatchImport r) {
        return services.matchImports().importRun(r.matches(), r.rules(), Actors.of(user));
    }

    @Operation(summary = "用规则引擎对库内全部企业重新匹配，只生成差额")
    @PostMapping("/rematch")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    Map<String, Object> rematch(@AuthenticationPrincipal HuiqiUser user) {
        Rematch.Outcome o = services.rematch().run(Actors.of(user));
        return Map.of("result", o.result(), "note", o.note());
    }

    @Operation(summary = "兑现台账（筛选）")
    @GetMapping("/ledger")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','FINANCE')")
    Map<String, Object> ledger(@AuthenticationPrincipal HuiqiUser user, LedgerParams p, @RequestParam(defaultValue = "1000") int limit) {
        LedgerQueries.Filter f = p.filter();
        return Map.of("totals", services.ledger().totals(f), "entries", services.access().shownEntries(services.ledger().find(f, limit), user));
    }

    @Operation(summary = "兑现台账导出 .xlsx")
    @GetMapping("/ledger.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','FINANCE')")
    ResponseEntity<byte[]> ledgerXlsx(LedgerParams p) {
        return Downloads.xlsx("ledger.xlsx", services.exports().ledger(p.filter()));
    }

    @Operation(summary = "付款方预算")
    @GetMapping("/budgets")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','FINANCE')")
    List<Limits.Budget> budgets() {
        return services.limits().budgets();
    }

    record BudgetRequest(BigDecimal budget) {
    }

    @Operation(summary = "设置付款方预算：付款方须为已发布规则的付款方；调减（不得低于已拨付）即时生效（200），"
            + "新设或调增提交申请（202），须另一名管理员批准")
    @PutMapping("/budgets/{payer}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Object> setBudget(@AuthenticationPrincipal HuiqiUser user, @PathVariable String payer,
                                     @RequestBody BudgetRequest r) {
        BudgetRequests.Outcome o = budgetRequests.submit(payer, r.budget(), null, Actors.of(user));
        if (o.applied()) {
            return ResponseEntity.ok(services.limits().budgets().stream().filter(b -> b.payer().equals(payer.strip()))
                    .findFirst().orElseThrow());
        }
        return ResponseEntity.accepted().body(o);
    }

    @Operation(summary = "每户上限与共享上限")
    @GetMapping("/caps")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    List<Limits.Cap> caps() {
        return services.limits().caps();
    }

    record CapRequest(BigDecimal cap, List<String> rules, String quote) {
    }

    @Operation(summary = "设置上限（rules 为一条规则即单条上限，多条即共享上限）")
    @PutMapping("/caps/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    Limits.Cap setCap(@AuthenticationPrincipal HuiqiUser user, @PathVariable String id, @RequestBody CapRequest r) {
        return services.limits().setCap(id, r.cap(), r.rules(), r.quote(), Actors.of(user));
    }

    @Operation(summary = "取高不重复分组（规则 → 同类标签）")
    @GetMapping("/stacking-classes")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    Map<String, String> classes() {
        return services.limits().classes();
    }

    record ClassRequest(String className) {
    }

    @Operation(summary = "设置某规则的取高不重复分组（空则取消）")
    @PutMapping("/stacking-classes/{rule}")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, String> setClass(@AuthenticationPrincipal HuiqiUser user, @PathVariable String rule, @RequestBody ClassRequest r) {
        services.limits().setClass(rule, r.className(), Actors.of(user));
        return services.limits().classes();
    }

    @Operation(summary = "审计日志（管理员）")
    @GetMapping("/audit")
    @PreAuthorize("hasRole('ADMIN')")
    List<AuditLog.Entry> audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                               @RequestParam(required = false) String entity, @RequestParam(required = false) String entityId,
                               @RequestParam(defaultValue = "500") int limit) {
        return services.audit().find(new AuditLog.Filter(actor, action, entity, entityId, limit));
    }

    @Operation(summary = "审计日志导出 .xlsx（管理员）")
    @GetMapping("/audit.xlsx")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<byte[]> auditXlsx(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                                     @RequestParam(required = false) String entity, @RequestParam(required = false) String entityId) {
        return Downloads.xlsx("audit.xlsx", services.exports().audit(new AuditLog.Filter(actor, action, entity, entityId, 100_000)));
    }

    @Operation(summary = "兑现看板：按措施、按单位（组织目录单位）、按政府的匹配/推送/确认/审核/兑现数量与金额，匹配到兑现天数")
    @GetMapping("/dashboard")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    Map<String, Object> dashboard() {
        return Map.of("total", services.stats().total(), "byRule", services.stats().byRule(), "byUnit", services.stats().byUnit(), "byGovernment", services.stats().byGovernment(),
                "byState", services.stats().byState());
    }

    @Operation(summary = "社会贡献值与匹配预警（兑现与贡献不相称）")
    @GetMapping("/contribution")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    Map<String, Object> contribution() {
        return Map.of("year", services.contribution().year(), "weights", services.contribution().weights(), "gap", services.contribution().gap(),
                "rows", services.contribution().rows());
    }

    @Operation(summary = "应享未享：已匹配但逾期未兑现或有异议的事项")
    @GetMapping("/unpaid")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    List<ContributionReport.Unpaid> unpaid() {
        return services.contribution().unpaid();
    }
}
