package huiqi.enterprise;

import huiqi.facts.FactValue;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import huiqi.facts.Provenance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Validates the rows of a long-form fact file (uscc, indicator, period, value, source), collecting every problem. */
final class FactRows {
    static final Map<String, String> FIELDS = Map.of(
            "uscc", "统一社会信用代码", "indicator", "指标", "period", "期间", "value", "数值", "source", "来源");

    private FactRows() {
    }

    static Optional<String> resolve(String header) {
        for (Map.Entry<String, String> f : FIELDS.entrySet()) {
            if (Columns.key(header).equals(f.getKey()) || header.equals(f.getValue())) {
                return Optional.of(f.getKey());
            }
        }
        return Optional.empty();
    }

    /** Whether a header looks like a fact file rather than a profile file. */
    static boolean isFactHeader(List<String> header) {
        return header.stream().map(Columns::clean).map(FactRows::resolve)
                .anyMatch(id -> id.isPresent() && id.get().equals("indicator"));
    }

    /**
     * @param known     whether an enterprise is stored or comes with this import
     * @param seenKeys  (uscc|indicator|period) → where it was first seen, shared across the files of one import
     */
    static List<ImportedFact> parse(Table t, IndicatorCatalog catalog, Predicate<String> known, String defaultSource,
                                    Map<String, String> seenKeys, List<ImportProblem> problems) {
        Columns cols = Columns.of(t, FactRows::resolve, problems);
        boolean complete = true;
        for (String required : List.of("uscc", "indicator", "period", "value")) {
            if (!cols.has(required)) {
                problems.add(new ImportProblem(t.file(), 1, required, "缺少必需的列 " + required + "（" + FIELDS.get(required) + "）"));
                complete = false;
            }
        }
        if (!complete) {
            return List.of();
        }
        List<ImportedFact> out = new ArrayList<>();
        // a file repeats few periods and sources: share one object each instead of one per row
        Map<String, Period> periods = new HashMap<>();
        Map<String, String> sources = new HashMap<>();
        for (Table.Row row : t.rows()) {
            int before = problems.size();
            if (row.cells().size() > t.header().size()) {
                problems.add(new ImportProblem(t.file(), row.number(), "", "列数（" + row.cells().size()
                        + "）多于表头（" + t.header().size() + "）"));
            }
            for (int c = 0; c < row.cells().size(); c++) {
                if (CellText.hasControl(row.cells().get(c))) {
                    problems.add(new ImportProblem(t.file(), row.number(), c < t.header().size() ? t.header().get(c) : "",
                            "含有不可见的控制字符（如 NUL），请检查文件是否损坏"));
                }
            }
            String uscc = UsccCells.read(t, row, cols, problems, null);
            if (uscc != null && !known.test(uscc)) {
                problems.add(new ImportProblem(t.file(), row.number(), cols.headerOf(t, "uscc"),
                        "企业 " + uscc + " 不在企业档案中（请先导入或同时导入其档案）"));
            }
            String indicatorText = ProfileRows.text(row, cols, "indicator");
            IndicatorCatalog.Indicator indicator = indicatorText == null ? null : find(catalog, indicatorText);
            if (indicator == null) {
                problems.add(new ImportProblem(t.file(), row.number(), cols.headerOf(t, "indicator"),
                        indicatorText == null ? "指标为空" : "未知指标 '" + indicatorText + "'（不在 indicators.yaml 中）"));
            }
            Period period = null;
            String periodText = ProfileRows.text(row, cols, "period");
            try {
                Period parsed = periodText == null ? Period.parse(null) : periods.computeIfAbsent(periodText, Period::parse);
                period = indicator == null ? parsed : FactText.aligned(indicator, parsed, periodText);
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(t.file(), row.number(), cols.headerOf(t, "period"), e.getMessage()));
            }
            BigDecimal value = null;
            String valueText = ProfileRows.text(row, cols, "value");
            try {
                if (valueText == null) {
                    throw new IllegalArgumentException("数值为空（缺失的数据请不要写行，不能写成空值或 0）");
                }
                value = indicator == null ? AttributeValues.Numbers.decimal(valueText) : FactText.indicator(indicator, valueText);
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(t.file(), row.number(), cols.headerOf(t, "value"), e.getMessage()));
            }
            if (uscc != null && indicator != null && period != null) {
                String key = uscc + "|" + indicator.id() + "|" + period;
                String first = seenKeys.putIfAbsent(key, t.file() + " 第" + row.number() + "行");
                if (first != null) {
                    problems.add(new ImportProblem(t.file(), row.number(), "",
                            "重复：企业 " + uscc + " 的「" + indicator.name() + "」" + period + " 已出现在 " + first));
                }
            }
            if (problems.size() == before) {
                String source = ProfileRows.text(row, cols, "source");
                source = source == null ? (defaultSource == null ? indicator.source() : defaultSource) : sources.computeIfAbsent(source, s -> s);
                out.add(new ImportedFact(uscc, new FactValue(indicator.id(), period, value,
                        new Provenance(source, t.file(), row.number()))));
            }
        }
        return out;
    }

    private static IndicatorCatalog.Indicator find(IndicatorCatalog catalog, String text) {
        return catalog.indicator(text).or(() -> catalog.indicators().stream()
                .filter(i -> i.name().equals(text) || i.id().equalsIgnoreCase(text)).findFirst()).orElse(null);
    }

}
