package huiqi.enterprise;

import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Provenance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Validates the rows of a profile file (一企一档) into {@link ImportedProfile}s, collecting every problem. */
final class ProfileRows {
    static final Map<String, String> FIELDS = Map.of(
            "uscc", "统一社会信用代码", "name", "企业名称", "region_code", "行政区划代码",
            "industry_code", "行业代码", "size", "企业规模", "source", "来源");

    private ProfileRows() {
    }

    static Optional<String> resolve(String header, IndicatorCatalog catalog) {
        for (Map.Entry<String, String> f : FIELDS.entrySet()) {
            if (Columns.key(header).equals(f.getKey()) || header.equals(f.getValue())) {
                return Optional.of(f.getKey());
            }
        }
        for (IndicatorCatalog.Attribute a : catalog.attributes()) {
            if (Columns.key(header).equals(Columns.key(a.id())) || header.equals(a.name())) {
                return Optional.of("attr:" + a.id());
            }
        }
        return Optional.empty();
    }

    static List<ImportedProfile> parse(Table t, IndicatorCatalog catalog, List<ImportProblem> problems) {
        Columns cols = Columns.of(t, h -> resolve(h, catalog), problems);
        if (!cols.has("uscc")) {
            problems.add(new ImportProblem(t.file(), 1, "uscc", "缺少必需的列 uscc（统一社会信用代码）"));
            return List.of();
        }
        List<ImportedProfile> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
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
            String uscc = UsccCells.read(t, row, cols, problems, seen);
            String name = text(row, cols, "name");
            String region = text(row, cols, "region_code");
            if (region != null && !Uscc.isPlausibleRegion(region)) {
                problems.add(new ImportProblem(t.file(), row.number(), cols.headerOf(t, "region_code"),
                        "行政区划代码应为6位有效代码（如 350102），实为 '" + region + "'"));
            }
            String industry = text(row, cols, "industry_code");
            if (industry != null) {
                Optional<String> canonical = IndustryCode.normalize(industry);
                if (canonical.isEmpty()) {
                    problems.add(new ImportProblem(t.file(), row.number(), cols.headerOf(t, "industry_code"),
                            "不是 GB/T 4754 行业代码（如 C3311 或 3311），实为 '" + industry + "'"));
                }
                industry = canonical.orElse(null);
            }
            String size = text(row, cols, "size");
            if (size != null) {
                Optional<EnterpriseSize> z = EnterpriseSize.parse(size);
                if (z.isEmpty()) {
                    problems.add(new ImportProblem(t.file(), row.number(), cols.headerOf(t, "size"),
                            "企业规模应为 大型/中型/小型/微型，实为 '" + size + "'"));
                }
                size = z.map(EnterpriseSize::label).orElse(null);
            }
            Map<String, Object> attrs = new LinkedHashMap<>();
            for (IndicatorCatalog.Attribute a : catalog.attributes()) {
                String v = text(row, cols, "attr:" + a.id());
                if (v != null) {
                    try {
                        attrs.put(a.id(), FactText.plausible(a, AttributeValues.parse(a.type(), v)));
                    } catch (IllegalArgumentException e) {
                        problems.add(new ImportProblem(t.file(), row.number(), cols.headerOf(t, "attr:" + a.id()), e.getMessage()));
                    }
                }
            }
            if (problems.size() == before) {
                String source = text(row, cols, "source");
                out.add(new ImportedProfile(uscc, name, region, industry, size, attrs,
                        new Provenance(source == null ? "" : source, t.file(), row.number())));
            }
        }
        return out;
    }

    /** The trimmed cell of column {@code id}, or null when the file has no such column or the cell is blank. */
    static String text(Table.Row row, Columns cols, String id) {
        return cols.position(id).map(row::cell).filter(s -> !s.isEmpty()).orElse(null);
    }
}
