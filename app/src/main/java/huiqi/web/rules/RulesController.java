package huiqi.web.rules;

import huiqi.enterprise.EnterpriseJson;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Evaluation;
import huiqi.web.matching.RuleMatching;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 规则: every encoded rule with its parameters (dates, sources) and tests, and a 试算 form over enterprise JSON. */
@Controller
class RulesController {
    private static final String EXAMPLE = "docs/examples/enterprise-fz.json";

    private final RuleBook book;
    private final RuleMatching matching;
    private final IndicatorCatalog catalog;

    RulesController(RuleBook book, RuleMatching matching, IndicatorCatalog catalog) {
        this.book = book;
        this.matching = matching;
        this.catalog = catalog;
    }

    @GetMapping("/rules")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String list(Model model) {
        model.addAttribute("rules", book.rules().stream().map(RulesApiController::view).toList());
        model.addAttribute("problems", book.problems());
        model.addAttribute("facts", example());
        return "rules/list";
    }

    @PostMapping("/rules/try")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String tryOut(@RequestParam String facts, Model model) {
        model.addAttribute("rules", book.rules().stream().map(RulesApiController::view).toList());
        model.addAttribute("problems", book.problems());
        model.addAttribute("facts", facts);
        if (facts.length() > 200_000) {
            model.addAttribute("error", "输入过长");
            return "rules/list";
        }
        try {
            Evaluation ev = matching.evaluate(EnterpriseJson.parse(facts, "试算输入", catalog));
            model.addAttribute("evaluation", ev);
        } catch (RuntimeException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "rules/list";
    }

    private static String example() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve(EXAMPLE);
            if (Files.isRegularFile(f)) {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    return "";
                }
            }
        }
        return "";
    }
}
