package huiqi.web.calculator;

import huiqi.facts.IndicatorCatalog;
import huiqi.policy.RegionTable;
import huiqi.web.matching.RuleMatching;
import huiqi.web.matching.MatchReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 政策计算器, open without an account: a visitor (or an enterprise) answers the few questions the measures need
 * and sees what it may receive and why — 一企一策 on typed answers. Questions come from the engine itself: every
 * datum an undecided measure reports missing is asked, so answering one may bring the next. Nothing is stored.
 */
@Controller
class CalculatorController {
    private static final int MAX_QUESTIONS = 12;
    /** The counties of 福建 (codes not ending in 00), the 区划 a visitor picks from. */
    private static final List<RegionTable.Entry> REGIONS = RegionTable.fujian().entries().stream()
            .filter(e -> e.code().length() == 6 && !e.code().endsWith("00")).toList();

    private final RuleMatching matching;
    private final IndicatorCatalog catalog;

    CalculatorController(RuleMatching matching, IndicatorCatalog catalog) {
        this.matching = matching;
        this.catalog = catalog;
    }

    @GetMapping("/calculator")
    @PreAuthorize("permitAll()") // open to visitors by design (#19 item 10); also listed in SecurityConfig
    String calculator(@RequestParam Map<String, String> params, Model model) {
        Answers answers = Answers.read(params, catalog);
        MatchReport report = matching.match(answers.record());
        // questions already answered come first and always stay on the form (the answer lives only there)
        Map<String, Question> questions = new LinkedHashMap<>();
        for (String field : answers.given().keySet()) {
            Question.of(field.substring(2), catalog).ifPresent(q -> questions.putIfAbsent(q.field(), q));
        }
        // then the data undecided measures miss, those most measures wait for first; beyond MAX_QUESTIONS folded away
        Map<String, Integer> demand = new LinkedHashMap<>();
        for (MatchReport.Benefit b : report.undeterminable()) {
            b.missingIds().forEach(id -> demand.merge(id, 1, Integer::sum));
        }
        List<Question> wanted = demand.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> Question.of(e.getKey(), catalog)).flatMap(Optional::stream)
                .filter(q -> !questions.containsKey(q.field())).toList();
        wanted.stream().limit(MAX_QUESTIONS).forEach(q -> questions.put(q.field(), q));
        List<Question> asked = new ArrayList<>(questions.values());
        model.addAttribute("moreQuestions", wanted.stream().skip(MAX_QUESTIONS).toList());
        model.addAttribute("report", report);
        model.addAttribute("questions", asked);
        model.addAttribute("answers", params);
        model.addAttribute("unreadable", answers.unreadable());
        model.addAttribute("regions", REGIONS);
        return "calculator/index"; // htmx requests select #calc from the whole page
    }
}
