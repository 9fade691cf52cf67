package huiqi.web.rules;

import huiqi.enterprise.EnterpriseJson;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Evaluation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 规则: every encoded rule with its parameters (dates, sources) and tests, and a 试算 form over enterprise JSON. */
@Controller
class RulesController {
    /** docs/examples/enterprise-fz.json, copied onto the class path by the build. */
    private static final String EXAMPLE = "examples/enterprise-fz.json";

    private final RuleBook book;
    private final IndicatorCatalog catalog;
    private final String example;

    RulesController(RuleBook book, IndicatorCatalog catalog) {
        this.book = book;
        this.catalog = catalog;
        this.example = example();
    }

    @GetMapping("/rules")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String list(Model model) {
        model.addAttribute("rules", RuleViews.of(book.rules()));
        model.addAttribute("problems", book.problems());
        model.addAttribute("warnings", book.warnings());
        model.addAttribute("facts", example);
        return "rules/list";
    }

    @PostMapping("/rules/try")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String tryOut(@RequestParam String facts, Model model) {
        model.addAttribute("rules", RuleViews.of(book.rules()));
        model.addAttribute("problems", book.problems());
        model.addAttribute("warnings", book.warnings());
        model.addAttribute("facts", facts);
        if (facts.length() > 200_000) {
            model.addAttribute("error", "输入过长");
            return "rules/list";
        }
        try {
            Evaluation ev = book.evaluate(EnterpriseJson.parse(facts, "试算输入", catalog));
            model.addAttribute("evaluation", ev);
        } catch (RuntimeException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "rules/list";
    }

    private static String example() {
        ClassPathResource resource = new ClassPathResource(EXAMPLE);
        if (!resource.exists()) {
            return "";
        }
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
