package huiqi.web.batch;

import huiqi.web.charts.Charts;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.file.Parameter;
import huiqi.rules.file.Rule;
import huiqi.web.rules.RuleBook;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Page 批量免申即享: the start form and run list, a run's live progress, summaries, charts, what-if, budget, results. */
@Controller
class BatchRunController {
    static final int PAGE_SIZE = 50;

    private final BatchRunService service;
    private final BatchRunStore runs;
    private final BatchResults results;
    private final RuleBook book;
    private final BatchBreakdown breakdown;
    private final BatchRetention retention;

    BatchRunController(BatchRunService service, BatchRunStore runs, BatchResults results, RuleBook book,
                       BatchBreakdown breakdown, BatchRetention retention) {
        this.breakdown = breakdown;
        this.retention = retention;
        this.service = service;
        this.runs = runs;
        this.results = results;
        this.book = book;
    }

    /** A parameter that a what-if may override, with its unit and latest value. */
    public record ParamRow(String name, String label, String unit, BigDecimal value, String source, WhatIfRange range) {
        /** The value as typed in the field: a ratio as a percentage. */
        public String shown() {
            return range != null && range.ratio()
                    ? value.movePointRight(2).stripTrailingZeros().toPlainString() + "%" : value.stripTrailingZeros().toPlainString();
        }
    }

    @GetMapping("/batch-runs")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String index(Model model, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        if (htmx != null) { // the run list refreshing itself while a run is unfinished
            model.addAttribute("runs", runs.list(30));
            model.addAttribute("retention", retention.describe());
            return "batch/index :: runs";
        }
        return form(model, BatchForm.empty(), List.of());
    }

    @PostMapping("/batch-runs")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String start(BatchForm typed, @RequestParam Map<String, String> fields, Authentication auth, Model model,
                 HttpServletResponse response) {
        Map<String, String> unitOf = new LinkedHashMap<>();
        for (Parameter p : Evaluator.parameters(book.files()).values()) {
            if (!p.unit().isNone()) {
                unitOf.put(p.qualifiedName(), p.unit().toString());
            }
        }
        BatchForm form = typed.withSettings(fields, unitOf);
        List<String> problems = new ArrayList<>();
        BatchRunRequest request = form.request(problems);
        try {
            if (problems.isEmpty()) {
                return "redirect:/batch-runs/" + service.start(request, auth.getName()).id();
            }
            service.validateOnly(request); // list the other fields' problems too
        } catch (BatchInputException e) {
            problems.addAll(e.problems());
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(model, form, problems);
    }

    private String form(Model model, BatchForm form, List<String> problems) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("documents", book.files().stream().map(f -> Map.of("id", f.docId(), "label",
                f.docId() + " · " + f.document())).toList());
        model.addAttribute("payers", BatchRunValidator.payers(book.files()));
        List<ParamRow> params = new ArrayList<>();
        Map<String, Parameter> declared = Evaluator.parameters(book.files());
        Map<String, WhatIfRange> ranges = WhatIfRange.of(book.files(), declared);
        for (Parameter p : declared.values()) {
            if (p.values().isEmpty()) {
                continue; // pending, dates and tables have no value to move
            }
            WhatIfRange range = ranges.get(p.qualifiedName());
            params.add(new ParamRow(p.qualifiedName(), p.label() == null ? p.name() : p.label(),
                    range != null && range.ratio() ? "比例（%）" : p.unit().isNone() ? "无单位" : p.unit().describe(),
                    p.values().lastEntry().getValue(), p.source(), range));
        }
        params.sort(Comparator.comparing(ParamRow::name));
        model.addAttribute("parameters", params);
        model.addAttribute("runs", runs.list(30));
        model.addAttribute("retention", retention.describe());
        return "batch/index";
    }

    @GetMapping("/batch-runs/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String run(@PathVariable long id, Model model) {
        body(id, model);
        model.addAttribute("ruleVersions", runs.ruleVersions(id).orElse(null));
        model.addAttribute("filter", new ResultFilter(null, null, null));
        model.addAttribute("result", results.page(id, new ResultFilter(null, null, null), 1, PAGE_SIZE));
        return "batch/run";
    }

    @GetMapping("/batch-runs/{id}/progress")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String progress(@PathVariable long id, Model model) {
        run(id, model);
        return "batch/run :: run-body";
    }

    @GetMapping("/batch-runs/{id}/results")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String results(@PathVariable long id, @RequestParam(required = false) String rule,
                   @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                   @RequestParam(defaultValue = "1") int page, Model model) {
        ResultFilter filter = new ResultFilter(rule, status, q); // a bad filter is 400 whether or not the run exists
        BatchRun run = find(id);
        model.addAttribute("run", run);
        model.addAttribute("filter", filter);
        model.addAttribute("ruleIds", ruleIds(run));
        model.addAttribute("result", results.page(id, filter, Math.max(1, page), PAGE_SIZE));
        return "batch/run :: results";
    }

    @GetMapping("/batch-runs/{id}/export.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    void export(@PathVariable long id, @RequestParam(required = false) String rule,
                @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                HttpServletResponse response) throws IOException {
        ResultFilter filter = new ResultFilter(rule, status, q);
        BatchRun run = find(id);
        String name = "批量免申即享-运行" + id + ".xlsx";
        response.setContentType(BatchExport.MEDIA_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        BatchExport.write(run, runs.rules(id), runs.budgets(id), results, filter, response.getOutputStream());
    }

    private void body(long id, Model model) {
        BatchRun run = find(id);
        model.addAttribute("run", run);
        model.addAttribute("ruleIds", ruleIds(run));
        if (!run.done()) {
            return;
        }
        List<BatchRunStore.RuleRow> rules = runs.rules(id);
        List<BatchRunStore.PayerRow> payers = runs.payers(id);
        String shown = run.hasWhatIf() ? "variant" : "base";
        List<BatchRunStore.RuleRow> mine = rules.stream().filter(r -> r.variant().equals(shown)).toList();
        List<BatchRunStore.PayerRow> myPayers = payers.stream().filter(p -> p.variant().equals(shown)).toList();
        model.addAttribute("rules", mine);
        model.addAttribute("payers", myPayers);
        model.addAttribute("eligible", mine.stream().mapToLong(BatchRunStore.RuleRow::eligible).sum());
        model.addAttribute("undeterminable", mine.stream().mapToLong(BatchRunStore.RuleRow::undeterminable).sum());
        model.addAttribute("totalCny", myPayers.stream().map(BatchRunStore.PayerRow::total)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add));
        model.addAttribute("payerChart", BatchCharts.perPayer(payers));
        model.addAttribute("ruleChart", BatchCharts.perRule(rules));
        model.addAttribute("whatIf", WhatIfRow.of(rules));
        model.addAttribute("payerDiff", payerDiff(payers));
        model.addAttribute("budgets", runs.budgets(id));
        BatchBreakdown.Breakdown b = breakdown.of(id);
        model.addAttribute("breakdown", b);
        model.addAttribute("industryChart", Charts.spec("bar", "金额", "元", b.industries().stream()
                .map(BatchBreakdown.Line::key).toList(), b.industries().stream().map(BatchBreakdown.Line::amount).toList()));
        model.addAttribute("regionChart", Charts.spec("bar", "金额", "元", b.regions().stream()
                .map(BatchBreakdown.Line::key).toList(), b.regions().stream().map(BatchBreakdown.Line::amount).toList()));
    }

    /** payer → [baseline, variant] when the run has a what-if overlay. */
    private static Map<String, BigDecimal[]> payerDiff(List<BatchRunStore.PayerRow> payers) {
        Map<String, BigDecimal[]> out = new LinkedHashMap<>();
        if (payers.stream().noneMatch(p -> p.variant().equals("variant"))) {
            return out;
        }
        for (BatchRunStore.PayerRow p : payers) {
            BigDecimal[] pair = out.computeIfAbsent(p.payer(), k -> new BigDecimal[] {BigDecimal.ZERO.setScale(2),
                    BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)});
            pair["base".equals(p.variant()) ? 0 : 1] = p.total();
            pair[2] = pair[1].subtract(pair[0]);
        }
        return out;
    }

    private List<String> ruleIds(BatchRun run) {
        return service.rulesOf(run.docId()).stream().map(Rule::id).toList();
    }

    private BatchRun find(long id) {
        return runs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有运行 " + id));
    }
}
