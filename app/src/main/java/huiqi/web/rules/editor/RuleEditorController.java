package huiqi.web.rules.editor;

import huiqi.web.enterprise.EnterpriseFilter;
import huiqi.web.enterprise.EnterpriseQueries;
import huiqi.web.enterprise.PgEnterpriseStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 规则编辑: one policy's rule set as a form beside its clauses, checked as the officer types. The YAML text is the
 * model: it travels with every request (check, apply a form edit, re-render the form, complete a name, try out) and
 * is saved whole to the rule database ({@code POST /rules/{policyId}/drafts}, #16 items 1 and 4).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
class RuleEditorController {
    private final PolicyTexts policies;
    private final RuleEditing editing;
    private final IndicatorCompletion completion;
    private final EnterpriseQueries enterprises;
    private final PgEnterpriseStore records;

    RuleEditorController(PolicyTexts policies, RuleEditing editing, IndicatorCompletion completion,
                         EnterpriseQueries enterprises, PgEnterpriseStore records) {
        this.policies = policies;
        this.editing = editing;
        this.completion = completion;
        this.enterprises = enterprises;
        this.records = records;
    }

    @PreAuthorize("hasAnyRole(\'ADMIN\',\'OFFICER\')")
    @GetMapping("/rules/{policyId}/edit")
    String editor(@PathVariable String policyId, @RequestParam(defaultValue = "false") boolean draft,
                  @RequestParam(required = false) Integer version, Model model) {
        var stored = policies.document(policyId);
        PolicyTexts.Start start = draft ? PolicyTexts.Start.drafted(policies.draftYaml(policyId)) : policies.start(policyId, version);
        String yaml = start.yaml();
        model.addAttribute("policyId", policyId);
        model.addAttribute("doc", stored.document());
        model.addAttribute("fromDraft", start.drafted());
        model.addAttribute("baseVersion", start.baseVersion());
        model.addAttribute("startedFrom", start.describe());
        model.addAttribute("yaml", yaml);
        model.addAttribute("check", editing.check(policyId, yaml, policies.sourceText(policyId)));
        addForm(model, policyId, yaml);
        return "rules/editor";
    }

    @PreAuthorize("hasAnyRole(\'ADMIN\',\'OFFICER\')")
    @PostMapping("/rules/{policyId}/edit/check")
    @ResponseBody
    RuleCheck check(@PathVariable String policyId, @RequestParam String yaml) {
        policies.document(policyId);
        return editing.check(policyId, yaml, policies.sourceText(policyId));
    }

    /** The text after one form edit, or the reason it was refused (the text is then unchanged). */
    @PreAuthorize("hasAnyRole(\'ADMIN\',\'OFFICER\')")
    @PostMapping("/rules/{policyId}/edit/apply")
    @ResponseBody
    ResponseEntity<Map<String, String>> apply(@PathVariable String policyId, @RequestParam String yaml,
                                              @RequestParam Map<String, String> form) {
        policies.document(policyId);
        FormEdit edit = FormEdits.of(form, policyId);
        try {
            return ResponseEntity.ok(Map.of("yaml", editing.apply(yaml, edit)));
        } catch (EditRefused e) {
            return ResponseEntity.unprocessableEntity().body(Map.of("error", e.getMessage(), "field", FormEdits.fieldOf(edit)));
        }
    }

    @PreAuthorize("hasAnyRole(\'ADMIN\',\'OFFICER\')")
    @PostMapping("/rules/{policyId}/edit/form")
    String form(@PathVariable String policyId, @RequestParam String yaml, Model model) {
        policies.document(policyId);
        model.addAttribute("policyId", policyId);
        addForm(model, policyId, yaml);
        return "rules/editor :: ruleForm";
    }

    @PreAuthorize("hasAnyRole(\'ADMIN\',\'OFFICER\')")
    @PostMapping("/rules/{policyId}/edit/complete")
    @ResponseBody
    List<IndicatorCompletion.Offer> complete(@PathVariable String policyId, @RequestParam String q,
                                             @RequestParam(defaultValue = "") String yaml) {
        return completion.complete(q, editing.localNames(yaml));
    }

    @PreAuthorize("hasAnyRole(\'ADMIN\',\'OFFICER\')")
    @GetMapping("/rules/editor/enterprises")
    @ResponseBody
    List<Map<String, String>> enterprises(@RequestParam(defaultValue = "") String q) {
        List<Map<String, String>> out = new ArrayList<>();
        if (q.isBlank()) {
            return out;
        }
        enterprises.search(new EnterpriseFilter(q, null, null, null), 1).rows().stream().limit(10)
                .forEach(r -> out.add(Map.of("uscc", r.uscc(), "name", r.name() == null ? r.uscc() : r.name())));
        return out;
    }

    @PreAuthorize("hasAnyRole(\'ADMIN\',\'OFFICER\')")
    @PostMapping("/rules/{policyId}/edit/try")
    String tryOut(@PathVariable String policyId, @RequestParam String yaml, @RequestParam String uscc, Model model) {
        policies.document(policyId);
        var record = records.record(uscc);
        if (record.isEmpty()) {
            model.addAttribute("tryError", "企业库中没有统一社会信用代码为 " + uscc + " 的企业");
            return "rules/editor :: tryResult";
        }
        model.addAttribute("enterprise", record.get().profile());
        model.addAttribute("tryOut", editing.tryOut(policyId, yaml, policies.sourceText(policyId), record.get()));
        return "rules/editor :: tryResult";
    }

    private void addForm(Model model, String policyId, String yaml) {
        try {
            model.addAttribute("form", editing.form(yaml, policies.measureTexts(policyId)));
        } catch (EditRefused e) {
            model.addAttribute("formError", e.getMessage());
        }
    }

    @ExceptionHandler(EditRefused.class)
    ResponseEntity<Map<String, String>> refused(EditRefused e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(Map.of("error", e.getMessage()));
    }
}
