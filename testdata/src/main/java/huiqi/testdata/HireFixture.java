package huiqi.testdata;

import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.Facts;
import huiqi.facts.IndicatorCatalog;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The persons a 鼓楼区 enterprise hired (items {@code hires} of indicators.yaml), for the differential tests of the real
 * rule 鼓政办规〔2023〕1号 第14条 (policies/gl-2023-1): hired on the last day of 2022, the first and last days of 2023 and the
 * first of 2024; registered unemployed exactly six calendar months before (also where +6月 is clamped to the month's
 * end, 2022-08-31 + 6月 = 2023-02-28), a day later, or long before; pension months 5, 6 and 7; one field missing; the
 * list not given (the rule falls back to the 人社 count {@code hired_long_unemployed[2023]}, given or not) and declared
 * empty. Writes profiles.csv, facts.csv and items.csv (long form).
 */
public final class HireFixture {
    private static final LocalDate[] HIRED = {LocalDate.of(2022, 12, 31), LocalDate.of(2023, 1, 1), LocalDate.of(2023, 2, 28),
            LocalDate.of(2023, 8, 31), LocalDate.of(2023, 12, 31), LocalDate.of(2024, 1, 1)};
    private static final String[] FIELDS = {"unemployed_since", "hired", "pension_months"};

    private HireFixture() {
    }

    /** policies/gl-2023-1/rules.yaml, found from the repository root. */
    public static Path rules() {
        return IndicatorCatalog.locate(Path.of("")).getParent().resolve("policies/gl-2023-1/rules.yaml");
    }

    /** Writes the data files of {@code n} enterprises into {@code dir}; returns the same data as records by uscc. */
    public static Map<String, EnterpriseRecord> generate(Path dir, int n, long seed) throws IOException {
        Random rnd = new Random(seed);
        Map<String, EnterpriseRecord> records = new LinkedHashMap<>();
        try (FixtureFiles out = new FixtureFiles(dir)) {
            for (int e = 0; e < n; e++) {
                String uscc = String.format("H%05d", e);
                out.profile(uscc, "企业" + e, "350102", "C3311", "小型");
                Facts f = Facts.empty();
                int shape = e % 10;
                if (shape == 0 || shape == 1) { // no list: the rule reads the 人社 count, given for shape 1
                    if (shape == 1) {
                        out.fact(f, uscc, "hired_long_unemployed", "2023", BigDecimal.valueOf(e % 3));
                    }
                    records.put(uscc, record(uscc, f));
                    continue;
                }
                if (shape == 2) { // declared empty: nobody hired
                    out.noItems(f, uscc, "hires");
                    records.put(uscc, record(uscc, f));
                    continue;
                }
                int count = 1 + rnd.nextInt(4);
                for (int i = 0; i < count; i++) {
                    String id = "P" + e + "-" + i;
                    LocalDate hired = HIRED[rnd.nextInt(HIRED.length)];
                    LocalDate since = rnd.nextInt(5) == 0 ? hired.minusYears(2) : hired.minusMonths(6).plusDays(rnd.nextInt(5) - 1);
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("unemployed_since", since);
                    fields.put("hired", hired);
                    fields.put("pension_months", BigDecimal.valueOf(5 + rnd.nextInt(3)));
                    if (shape == 3 && i == 0) { // one field missing
                        fields.remove(FIELDS[rnd.nextInt(FIELDS.length)]);
                    }
                    out.item(f, uscc, "hires", id, fields);
                }
                records.put(uscc, record(uscc, f));
            }
        }
        return records;
    }

    private static EnterpriseRecord record(String uscc, Facts facts) {
        return new EnterpriseRecord(new Enterprise(uscc, "企业", "350102", "C3311", "小型", Map.of()), facts);
    }
}
