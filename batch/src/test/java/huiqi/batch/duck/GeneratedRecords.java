package huiqi.batch.duck;

import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.FactValue;
import huiqi.facts.Facts;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import huiqi.facts.Provenance;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a generated population (canonical cells as ./huiqi gen writes them) straight into EnterpriseRecords
 * for the interpreter. The full importer validates far more and is too slow for 50,000 enterprises in a unit
 * test; {@link BatchMatchesEvalTest} covers the importer path on a small population.
 */
final class GeneratedRecords {
    private GeneratedRecords() {
    }

    static Map<String, EnterpriseRecord> read(Path dir, IndicatorCatalog catalog) throws IOException {
        Map<String, Enterprise> profiles = new LinkedHashMap<>();
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = Files.newBufferedReader(dir.resolve("profiles.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord rec : fmt.parse(r)) {
                Map<String, Object> attrs = new HashMap<>();
                for (IndicatorCatalog.Attribute a : catalog.attributes()) {
                    if (!rec.isMapped(a.id())) {
                        continue;
                    }
                    String v = rec.get(a.id());
                    if (v == null || v.isBlank()) {
                        continue;
                    }
                    attrs.put(a.id(), switch (a.type()) {
                        case BOOLEAN -> switch (v) {
                            case "是" -> Boolean.TRUE;
                            case "否" -> Boolean.FALSE;
                            default -> throw new IllegalArgumentException("布尔值 " + v);
                        };
                        case MONTH -> YearMonth.parse(v);
                        case DATE -> LocalDate.parse(v);
                        case NUMBER -> new BigDecimal(v);
                        case TEXT, CODE -> v;
                    });
                }
                profiles.put(rec.get("uscc"), new Enterprise(rec.get("uscc"), rec.get("name"), blank(rec.get("region_code")),
                        blank(rec.get("industry_code")), blank(rec.get("size")), attrs));
            }
        }
        Map<String, Facts> facts = new HashMap<>();
        try (Reader r = Files.newBufferedReader(dir.resolve("facts.csv"), StandardCharsets.UTF_8)) {
            int row = 1;
            for (CSVRecord rec : fmt.parse(r)) {
                row++;
                facts.computeIfAbsent(rec.get("uscc"), k -> Facts.empty()).put(new FactValue(rec.get("indicator"),
                        Period.parse(rec.get("period")), new BigDecimal(rec.get("value")),
                        new Provenance(rec.get("source"), "facts.csv", row)));
            }
        }
        Map<String, EnterpriseRecord> out = new LinkedHashMap<>();
        profiles.forEach((uscc, p) -> out.put(uscc, new EnterpriseRecord(p, facts.getOrDefault(uscc, Facts.empty()))));
        return out;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
