package huiqi.web.enterprise;

import huiqi.enterprise.Enterprise;
import huiqi.facts.IndicatorCatalog;
import huiqi.web.charts.Charts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** 企业库 (officers) and 一企一档 (officers, and an enterprise for itself). */
@Controller
class EnterpriseController {
    private final EnterpriseQueries queries;
    private final PgEnterpriseStore store;
    private final IndicatorCatalog catalog;

    EnterpriseController(EnterpriseQueries queries, PgEnterpriseStore store, IndicatorCatalog catalog) {
        this.queries = queries;
        this.store = store;
        this.catalog = catalog;
    }

    @GetMapping("/enterprises")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    String list(EnterpriseFilter filter, @RequestParam(defaultValue = "1") int page, Model model,
                @RequestHeader(value = "HX-Request", required = false) String htmx) {
        model.addAttribute("filter", filter);
        model.addAttribute("result", queries.search(filter, Math.max(1, Math.min(page, 100_000))));
        model.addAttribute("sizes", queries.sizes());
        return htmx != null ? "enterprises/list :: results" : "enterprises/list";
    }

    @GetMapping("/enterprises/{uscc}")
    @PreAuthorize("@access.canSee(authentication, #uscc)")
    String profile(@PathVariable String uscc, Model model) {
        Enterprise e = store.profile(uscc)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "企业不存在"));
        model.addAttribute("e", e);
        List<Map<String, Object>> attributes = new ArrayList<>();
        e.attributes().forEach((id, value) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("name", catalog.attribute(id).map(IndicatorCatalog.Attribute::name).orElse(id));
            row.put("value", value instanceof Boolean b ? (b ? "是" : "否") : String.valueOf(value));
            row.put("source", store.provenance(uscc, id).map(Object::toString).orElse(""));
            attributes.add(row);
        });
        model.addAttribute("attributes", attributes);
        model.addAttribute("nameSource", store.provenance(uscc, "name").map(Object::toString).orElse(""));
        List<EnterpriseQueries.FactRow> facts = queries.facts(uscc);
        Map<String, List<EnterpriseQueries.FactRow>> byIndicator = new LinkedHashMap<>();
        facts.forEach(f -> byIndicator.computeIfAbsent(f.indicator(), k -> new ArrayList<>()).add(f));
        model.addAttribute("factsByIndicator", byIndicator);
        model.addAttribute("indicatorNames", indicatorNames());
        model.addAttribute("chart", chart(byIndicator).orElse(null));
        return "enterprises/profile";
    }

    private Map<String, String> indicatorNames() {
        Map<String, String> names = new LinkedHashMap<>();
        catalog.indicators().forEach(i -> names.put(i.id(), i.name() + "（" + i.unit() + "）"));
        return names;
    }

    /** A line chart of the indicator with the longest series (usually monthly electricity). */
    private Optional<String> chart(Map<String, List<EnterpriseQueries.FactRow>> byIndicator) {
        return byIndicator.entrySet().stream().filter(en -> en.getValue().size() >= 2)
                .max((a, b) -> Integer.compare(a.getValue().size(), b.getValue().size()))
                .map(en -> {
                    var ind = catalog.indicator(en.getKey());
                    String name = ind.map(IndicatorCatalog.Indicator::name).orElse(en.getKey());
                    String unit = ind.map(IndicatorCatalog.Indicator::unit).orElse("");
                    return Charts.spec("line", name, unit,
                            en.getValue().stream().map(EnterpriseQueries.FactRow::period).toList(),
                            en.getValue().stream().map(EnterpriseQueries.FactRow::value).toList());
                });
    }
}
