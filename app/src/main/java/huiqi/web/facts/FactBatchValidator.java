package huiqi.web.facts;

import huiqi.enterprise.FactText;
import huiqi.enterprise.ImportedFact;
import huiqi.enterprise.Uscc;
import huiqi.facts.FactValue;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import huiqi.facts.Provenance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks every item of a batch the way 数据导入 checks a fact row (same USCC check, indicator lookup by id or
 * name, period granularity, value text through {@link FactText}) and collects every problem, so a
 * department fixes its whole batch in one round.
 */
@Component
class FactBatchValidator {
    private final IndicatorCatalog catalog;
    private final JdbcClient jdbc;

    FactBatchValidator(IndicatorCatalog catalog, JdbcClient jdbc) {
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    /** @throws FactBatchRejected (not malformed: 422) with every problem, in item order */
    List<ImportedFact> validate(FactBatchRequest batch, String source) {
        List<FactBatchProblem> problems = new ArrayList<>();
        Set<String> known = known(batch);
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Period> periods = new HashMap<>();
        List<ImportedFact> out = new ArrayList<>();
        for (int i = 0; i < batch.items().size(); i++) {
            FactBatchRequest.Item it = batch.items().get(i);
            int before = problems.size();
            String uscc = uscc(i, it.uscc(), known, problems);
            IndicatorCatalog.Indicator ind = indicator(i, it.indicator(), problems);
            Period period = period(i, it.period(), ind, periods, problems);
            BigDecimal value = value(i, it, ind, problems);
            if (uscc != null && ind != null && period != null) {
                Integer first = seen.putIfAbsent(uscc + "|" + ind.id() + "|" + period, i);
                if (first != null) {
                    problems.add(new FactBatchProblem(i, "", "重复：企业 " + uscc + " 的「" + ind.name() + "」" + period
                            + " 已在第 " + first + " 条（从 0 起）出现"));
                }
            }
            if (problems.size() == before) {
                out.add(new ImportedFact(uscc, new FactValue(ind.id(), period, value,
                        new Provenance(source, batch.batchId(), i + 1))));
            }
        }
        if (!problems.isEmpty()) {
            throw new FactBatchRejected(false, problems);
        }
        return out;
    }

    private Set<String> known(FactBatchRequest batch) {
        Set<String> codes = new HashSet<>();
        for (FactBatchRequest.Item it : batch.items()) {
            if (it.uscc() != null) {
                codes.add(it.uscc().trim().toUpperCase(Locale.ROOT));
            }
        }
        return new HashSet<>(jdbc.sql("select uscc from enterprise where uscc = any(?)")
                .param(codes.toArray(String[]::new)).query(String.class).list());
    }

    private static String uscc(int i, String text, Set<String> known, List<FactBatchProblem> problems) {
        String code = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        Optional<String> bad = Uscc.problem(code);
        if (bad.isPresent()) {
            problems.add(new FactBatchProblem(i, "uscc", bad.get() + (code.isEmpty() ? "" : "（'" + code + "'）")));
            return null;
        }
        if (!known.contains(code)) {
            problems.add(new FactBatchProblem(i, "uscc", "企业 " + code + " 不在企业档案中（请先导入其档案）"));
            return null;
        }
        return code;
    }

    private IndicatorCatalog.Indicator indicator(int i, String text, List<FactBatchProblem> problems) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            problems.add(new FactBatchProblem(i, "indicator", "指标为空"));
            return null;
        }
        Optional<IndicatorCatalog.Indicator> found = catalog.indicator(t).or(() -> catalog.indicators().stream()
                .filter(ind -> ind.name().equals(t) || ind.id().equalsIgnoreCase(t)).findFirst());
        if (found.isEmpty()) {
            problems.add(new FactBatchProblem(i, "indicator", "未知指标 '" + t + "'（不在指标目录中）"));
        }
        return found.orElse(null);
    }

    private static Period period(int i, String text, IndicatorCatalog.Indicator ind, Map<String, Period> cache,
                                 List<FactBatchProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FactBatchProblem(i, "period", "期间为空"));
            return null;
        }
        try {
            Period p = cache.computeIfAbsent(text.trim(), Period::parse);
            if (ind != null) {
                p = FactText.aligned(ind, p, text); // whole reporting periods of the indicator, as 数据导入 checks
            }
            return p;
        } catch (IllegalArgumentException e) {
            problems.add(new FactBatchProblem(i, "period", e.getMessage()));
            return null;
        }
    }

    private static BigDecimal value(int i, FactBatchRequest.Item it, IndicatorCatalog.Indicator ind,
                                    List<FactBatchProblem> problems) {
        if (it.value() == null || it.value().isBlank()) {
            problems.add(new FactBatchProblem(i, "value", "数值为空（缺失的数据请不要上报，不能写成空值或 0）"));
            return null;
        }
        if (ind == null) {
            return null; // the unit is the indicator's: nothing more to say until the indicator is known
        }
        try {
            // sign, integrality and what numeric(24, 4) holds: FactText checks them for every input path
            return it.number() ? FactText.indicator(ind, new BigDecimal(it.value()))
                    : FactText.indicator(ind, it.value());
        } catch (IllegalArgumentException e) {
            problems.add(new FactBatchProblem(i, "value", e.getMessage()));
            return null;
        }
    }
}
