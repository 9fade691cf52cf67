package huiqi.batch.duck;

import huiqi.testdata.PopulationGenerator;
import huiqi.testdata.SyntheticEnterprise;
import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.FactValue;
import huiqi.facts.Facts;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import huiqi.facts.Provenance;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * The enterprises of a generated population as EnterpriseRecords for the interpreter, taken from the
 * generator itself (enterprise i depends only on seed and i, so these are exactly the rows it wrote to the
 * CSV files the SQL path reads). Parsing 50,000 enterprises' CSV through the full importer is too slow for a
 * unit test; {@link BatchMatchesEvalTest} covers the importer path on a small population.
 */
final class GeneratedRecords {
    private GeneratedRecords() {
    }

    static EnterpriseRecord of(SyntheticEnterprise e, IndicatorCatalog catalog) {
        Map<String, Object> attrs = new HashMap<>();
        e.attributes.forEach((id, v) -> {
            if (v == null || v.isBlank()) {
                return;
            }
            IndicatorCatalog.Attribute a = catalog.attribute(id).orElseThrow();
            attrs.put(id, switch (a.type()) {
                case BOOLEAN -> switch (v) {
                    case "是" -> Boolean.TRUE;
                    case "否" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("布尔值 " + v);
                };
                case MONTH -> YearMonth.parse(v);
                case DATE -> LocalDate.parse(v);
                case NUMBER -> new BigDecimal(v);
                case TEXT, CODE, ZONE -> v;
            });
        });
        Facts facts = Facts.empty();
        e.facts.forEach((key, value) -> {
            int bar = key.indexOf('|');
            facts.put(new FactValue(key.substring(0, bar), Period.parse(key.substring(bar + 1)), value,
                    Provenance.of("generated")));
        });
        e.items.forEach(facts::add); // the listed items (leases of 黄石 enterprises), as items.csv holds them
        return new EnterpriseRecord(new Enterprise(e.uscc, e.name, blank(e.regionCode), blank(e.industryCode),
                blank(e.size), attrs), facts);
    }

    static Map<String, EnterpriseRecord> of(PopulationGenerator g, long n, IndicatorCatalog catalog) {
        Map<String, EnterpriseRecord> out = new HashMap<>();
        for (long i = 0; i < n; i++) {
            SyntheticEnterprise e = g.enterprise(i);
            out.put(e.uscc, of(e, catalog));
        }
        return out;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
