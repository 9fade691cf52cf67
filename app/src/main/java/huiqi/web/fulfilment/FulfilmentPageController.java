package huiqi.web.fulfilment;

import huiqi.fulfilment.ActionInput;
import huiqi.fulfilment.CaseAction;
import huiqi.fulfilment.CaseState;
import huiqi.fulfilment.CaseStateMachine;
import huiqi.fulfilment.TransitionRefused;
import huiqi.quantity.Expectation;
import huiqi.quantity.QuantityText;
import huiqi.web.paging.PageRequest;
import huiqi.web.paging.Paged;
import huiqi.web.security.HuiqiUser;
import huiqi.web.security.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 兑现 pages: enterprise inbox, department work queue, case detail, ledger, dashboard, warnings, services.audit(). */
@Controller
class FulfilmentPageController {
    private static final List<CaseState> QUEUE_STATES = List.of(CaseState.PENDING_PUSH, CaseState.DISPUTED, CaseState.UNIT_REVIEW,
            CaseState.AWAITING_PAYMENT);

    private final FulfilmentServices services;
    private final BudgetRequests budgetRequests;
    private final PublishedPayers publishedPayers;

    FulfilmentPageController(FulfilmentServices services, BudgetRequests budgetRequests, PublishedPayers publishedPayers) {
        this.services = services;
        this.budgetRequests = budgetRequests;
        this.publishedPayers = publishedPayers;
    }

    @GetMapping("/fulfilment/inbox")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String inbox(@AuthenticationPrincipal HuiqiUser user, Model model) {
        List<CaseRecord> mine = services.cases().find(CaseRepository.Filter.ofEnterprise(user.getUscc()));
        model.addAttribute("pushed", mine.stream().filter(c -> c.state() == CaseState.PUSHED).toList());
        model.addAttribute("others", mine.stream().filter(c -> c.state() != CaseState.PUSHED && c.state() != CaseState.PENDING_PUSH).toList());
        model.addAttribute("offers", services.applications().offersOf(user.getUscc()));
        Map<Long, String> titles = new HashMap<>();
        mine.forEach(c -> titles.put(c.id(), c.title()));
        List<ObjectionReply> replies = ObjectionReply.of(services.audit().objectionsAndReplies(titles.keySet()), titles);
        model.addAttribute("replies", replies);
        Map<Long, ObjectionReply> latestReply = new HashMap<>();
        replies.forEach(r -> latestReply.putIfAbsent(r.caseId(), r));
        model.addAttribute("latestReply", latestReply);
        return "fulfilment/inbox";
    }

    @GetMapping("/fulfilment/cases/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','FINANCE','ENTERPRISE')")
    String detail(@AuthenticationPrincipal HuiqiUser user, @PathVariable long id, Model model) {
        CaseRecord c = services.access().shown(pageReadable(id, user), user);
        model.addAttribute("c", c);
        model.addAttribute("actions", CaseStateMachine.available(c.ref(), Actors.of(user)));
        model.addAttribute("attachments", services.applications().attachments(id));
        model.addAttribute("parts", services.cases().parts(id));
        model.addAttribute("history", CaseHistory.of(
                services.audit().find(new AuditLog.Filter(null, null, "case", String.valueOf(id), 200)), user));
        model.addAttribute("nav", user.getRole() == Role.ENTERPRISE ? "inbox" : "queue");
        return "fulfilment/case";
    }

    @GetMapping("/fulfilment/cases/{id}/attachments/{attachment}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','FINANCE','ENTERPRISE')")
    ResponseEntity<byte[]> attachment(@AuthenticationPrincipal HuiqiUser user, @PathVariable long id, @PathVariable long attachment) {
        try {
            return Downloads.attachment(services.access().attachment(id, attachment, user));
        } catch (TransitionRefused e) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, e.getMessage());
        } catch (CaseWorkflow.CaseNotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    /** Another enterprise's case is 403 and a missing one 404 on the pages too (the API maps them in its advice). */
    private CaseRecord pageReadable(long id, HuiqiUser user) {
        try {
            return services.access().readable(id, user);
        } catch (TransitionRefused e) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, e.getMessage());
        } catch (CaseWorkflow.CaseNotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    @PostMapping("/fulfilment/cases/{id}/act")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','FINANCE','ENTERPRISE')")
    String act(@AuthenticationPrincipal HuiqiUser user, @PathVariable long id, @RequestParam String action,
               @RequestParam(required = false) String reason, @RequestParam(required = false) String bankAccount,
               @RequestParam(defaultValue = "false") boolean factsConfirmed,
               @RequestParam(required = false) String back, RedirectAttributes flash) {
        try {
            CaseAction a = CaseAction.parse(action);
            String batch = a == CaseAction.PAY ? Batches.newId() : null;
            CaseRecord after = services.workflow().act(id, Actors.of(user), a, new ActionInput(reason, bankAccount, factsConfirmed, List.of()), batch);
            flash.addFlashAttribute("ok", "事项 " + id + "「" + after.title() + "」已" + a.label() + "，当前状态：" + after.state().label());
        } catch (TransitionRefused | CaseWorkflow.CaseNotFound | IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + safeBack(back, "/fulfilment/cases/" + id);
    }

    @PostMapping("/fulfilment/apply")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String apply(@AuthenticationPrincipal HuiqiUser user, @RequestParam String rule, @RequestParam String period,
                 @RequestParam(required = false) String bankAccount,
                 @RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes flash) {
        try {
            CaseRecord c = services.applications().apply(Actors.of(user), rule, user.getUscc(), period, bankAccount,
                    Downloads.attachments(files));
            flash.addFlashAttribute("ok", "已提交申请「" + c.title() + "」，等待" + c.unit() + "审核");
        } catch (TransitionRefused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/fulfilment/inbox";
    }

    @GetMapping("/fulfilment/queue")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','FINANCE')")
    String queue(@AuthenticationPrincipal HuiqiUser user, @RequestParam(required = false) CaseState state,
                 @RequestParam(required = false) String q, @RequestParam(required = false) String unit,
                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                 @RequestParam(required = false) String sort, Model model) {
        String u = user.getRole() == Role.ADMIN ? unit : user.getUnit();
        List<CaseState> states = state != null ? List.of(state)
                : user.getRole() == Role.FINANCE ? List.of(CaseState.AWAITING_PAYMENT) : QUEUE_STATES;
        var filter = new CaseRepository.Filter(null, u, states, null, q, 0,
                user.getRole() == Role.ADMIN ? null : user.getUnitId(), user.getRole() == Role.FINANCE);
        var request = PageRequest.of(page, size, sort, List.copyOf(CaseRepository.SORTS.keySet()), "id");
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("state", state == null ? null : state.label());
        kept.put("q", q);
        kept.put("unit", user.getRole() == Role.ADMIN ? unit : null);
        var cases = Paged.of(services.access().shown(services.cases().page(filter, request), user),
                services.cases().count(filter), request, "/fulfilment/queue", kept);
        model.addAttribute("page", cases);
        model.addAttribute("cases", cases.rows());
        model.addAttribute("state", state);
        model.addAttribute("q", q);
        model.addAttribute("unit", u);
        model.addAttribute("states", CaseState.values());
        model.addAttribute("counts", services.cases().countByState(filter));
        return "fulfilment/queue";
    }

    @PostMapping("/fulfilment/bulk")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','FINANCE')")
    String bulk(@AuthenticationPrincipal HuiqiUser user, @RequestParam String action,
                @RequestParam(name = "ids", required = false) List<Long> ids, @RequestParam(required = false) String reason,
                RedirectAttributes flash) {
        if (ids == null || ids.isEmpty()) {
            flash.addFlashAttribute("error", "请先勾选事项");
            return "redirect:/fulfilment/queue";
        }
        CaseAction a = CaseAction.parse(action);
        String batch = a == CaseAction.PAY ? Batches.newId() : null;
        List<CaseWorkflow.Outcome> out;
        try {
            out = services.workflow().bulk(ids, Actors.of(user), a, ActionInput.reason(reason), batch);
        } catch (TransitionRefused e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/fulfilment/queue";
        }
        long ok = out.stream().filter(CaseWorkflow.Outcome::ok).count();
        flash.addFlashAttribute("ok", "批量" + a.label() + "：成功 " + ok + " 件" + (batch == null ? "" : "（批次 " + batch + "）")
                + (ok < out.size() ? "，未通过 " + (out.size() - ok) + " 件" : ""));
        flash.addFlashAttribute("refusals", out.stream().filter(o -> !o.ok()).toList());
        return "redirect:/fulfilment/queue";
    }

    @PostMapping("/fulfilment/rematch")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String rematch(@AuthenticationPrincipal HuiqiUser user, RedirectAttributes flash) {
        flash.addFlashAttribute("ok", services.rematch().run(Actors.of(user)).summary());
        return "redirect:/fulfilment/queue";
    }

    @GetMapping("/fulfilment/ledger")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','FINANCE')")
    String ledger(@AuthenticationPrincipal HuiqiUser user, LedgerParams p, Model model) {
        LedgerQueries.Filter f = p.filter();
        model.addAttribute("p", p);
        model.addAttribute("entries", services.access().shownEntries(services.ledger().find(f, 1000), user));
        model.addAttribute("totals", services.ledger().totals(f));
        model.addAttribute("payers", services.ledger().payers());
        model.addAttribute("budgets", services.limits().budgets());
        model.addAttribute("budgetRequests", budgetRequests.pending());
        model.addAttribute("realPayers", publishedPayers.all().values().stream().filter(PublishedPayers.Resolved::real)
                .map(PublishedPayers.Resolved::payer).toList());
        model.addAttribute("caps", services.limits().caps());
        model.addAttribute("classes", services.limits().classes());
        return "fulfilment/ledger";
    }

    @GetMapping("/fulfilment/ledger.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','FINANCE')")
    ResponseEntity<byte[]> ledgerXlsx(LedgerParams p) {
        return Downloads.xlsx("ledger.xlsx", services.exports().ledger(p.filter()));
    }

    @PostMapping("/fulfilment/budgets")
    @PreAuthorize("hasRole('ADMIN')")
    String setBudget(@AuthenticationPrincipal HuiqiUser user, @RequestParam String payer, @RequestParam String budget,
                     @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            BigDecimal amount = QuantityText.yuan(budget, Expectation.money("预算"));
            flash.addFlashAttribute("ok", budgetRequests.submit(payer, amount, reason, Actors.of(user)).message());
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/fulfilment/ledger";
    }

    /** A second 管理员 approves or rejects a budget increase. */
    @PostMapping("/fulfilment/budgets/requests/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String decideBudget(@AuthenticationPrincipal HuiqiUser user, @PathVariable long id, @RequestParam String decision,
                        @RequestParam(required = false) String note, RedirectAttributes flash) {
        boolean approve = "approve".equals(decision);
        budgetRequests.decide(id, approve, note, Actors.of(user)).ifPresentOrElse(
                p -> flash.addFlashAttribute("error", p),
                () -> flash.addFlashAttribute("ok", approve ? "已批准，预算已生效" : "已驳回"));
        return "redirect:/fulfilment/ledger";
    }

    @GetMapping("/fulfilment/dashboard")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String dashboard(Model model) {
        List<FulfilmentStats.Funnel> byRule = services.stats().byRule();
        List<FulfilmentStats.Funnel> byUnit = services.stats().byUnit();
        model.addAttribute("total", services.stats().total());
        model.addAttribute("byRule", byRule);
        model.addAttribute("byUnit", byUnit);
        model.addAttribute("byGovernment", services.stats().byGovernment());
        model.addAttribute("funnelChart", FulfilmentCharts.funnel(byRule));
        model.addAttribute("unitChart", FulfilmentCharts.amounts(byUnit));
        Map<String, Long> states = services.stats().byState();
        model.addAttribute("stateChart", FulfilmentCharts.states(states));
        return "fulfilment/dashboard";
    }

    @GetMapping("/fulfilment/warnings")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String warnings(Model model) {
        List<ContributionReport.Row> rows = services.contribution().rows();
        model.addAttribute("year", services.contribution().year());
        model.addAttribute("weights", services.contribution().weights());
        model.addAttribute("gap", services.contribution().gap());
        model.addAttribute("overdueDays", services.contribution().overdueDays());
        model.addAttribute("flagged", rows.stream().filter(r -> r.warning() != null).toList());
        model.addAttribute("rows", rows.stream().limit(200).toList());
        model.addAttribute("scored", rows.stream().filter(r -> r.score() != null).count());
        model.addAttribute("unpaid", services.contribution().unpaid());
        return "fulfilment/warnings";
    }

    @GetMapping("/fulfilment/audit")
    @PreAuthorize("hasRole('ADMIN')")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                 @RequestParam(required = false) String entity, @RequestParam(required = false) String entityId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                 @RequestParam(required = false) String sort, Model model) {
        var query = new AuditLog.Query(actor, action, entity, entityId, from, to);
        var request = PageRequest.of(page, size, sort, List.of("at"), "-at");
        List<AuditLog.Entry> entries = services.audit().page(query, request);
        Map<String, String> names = services.audit().displayNames(entries.stream().map(AuditLog.Entry::actor).distinct().toList());
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("actor", actor);
        kept.put("action", action);
        kept.put("entity", entity);
        kept.put("entityId", entityId);
        kept.put("from", from);
        kept.put("to", to);
        var rows = Paged.of(entries.stream().map(e -> AuditRow.of(e, names)).toList(), services.audit().count(query),
                request, "/fulfilment/audit", kept);
        model.addAttribute("page", rows);
        model.addAttribute("entries", rows.rows());
        model.addAttribute("f", query);
        model.addAttribute("entities", AuditLabels.ENTITIES);
        model.addAttribute("actions", services.audit().actions());
        return "fulfilment/audit";
    }

    @GetMapping("/fulfilment/audit.xlsx")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<byte[]> auditXlsx(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                                     @RequestParam(required = false) String entity, @RequestParam(required = false) String entityId,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return Downloads.xlsx("audit.xlsx", services.exports().audit(new AuditLog.Query(actor, action, entity, entityId, from, to)));
    }

    /** Only a path of this module in plain URL characters: no other host, no CR/LF that would split the header. */
    private static String safeBack(String back, String fallback) {
        return back != null && back.length() <= 500 && SAFE_BACK.matcher(back).matches() && !back.contains("//")
                ? back : fallback;
    }

    private static final Pattern SAFE_BACK = Pattern.compile("/fulfilment/[A-Za-z0-9_.~/?=&%+-]*");
}
