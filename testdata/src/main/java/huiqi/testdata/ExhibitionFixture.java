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
 * Overseas exhibitions and travellers (items {@code exhibitions}, {@code travellers} of indicators.yaml) of 泉州台商投资区
 * enterprises, for the differential tests of the real rules 泉台管办发明电〔2024〕3号 第24条 (policies/qt-2024-3): exhibitions
 * opening on the last day of 2023, the first and last days of 2024-Q1 and the first of Q2; travellers declared first,
 * second or third, leaving inside or outside the quarter; 2023 exports just at, above and below 100万美元 or unknown; one
 * field missing; lists not given (the rules fall back to the reported indicators, given or not) and declared empty.
 * Writes profiles.csv, facts.csv and items.csv (long form).
 */
public final class ExhibitionFixture {
    private static final LocalDate[] DATES = {LocalDate.of(2023, 12, 31), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 15),
            LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 1)};
    private static final String[] EXPORTS = {"1000000", "1000000.01", "999999.99", "2500000", null};

    private ExhibitionFixture() {
    }

    /** policies/qt-2024-3/rules.yaml, found from the repository root. */
    public static Path rules() {
        return IndicatorCatalog.locate(Path.of("")).getParent().resolve("policies/qt-2024-3/rules.yaml");
    }

    /** Writes the data files of {@code n} enterprises into {@code dir}; returns the same data as records by uscc. */
    public static Map<String, EnterpriseRecord> generate(Path dir, int n, long seed) throws IOException {
        Random rnd = new Random(seed);
        Map<String, EnterpriseRecord> records = new LinkedHashMap<>();
        try (FixtureFiles out = new FixtureFiles(dir, "zone", "has_self_export", "overseas_trip_pre_reported")) {
            for (int e = 0; e < n; e++) {
                String uscc = String.format("X%05d", e);
                boolean exporter = e % 7 != 0;
                boolean reported = e % 5 != 0;
                out.profile(uscc, "企业" + e, "350521", "C3311", "小型", "泉州台商投资区", exporter ? "是" : "否", reported ? "是" : "否");
                Facts f = Facts.empty();
                String exports = EXPORTS[rnd.nextInt(EXPORTS.length)];
                if (exports != null) {
                    out.fact(f, uscc, "exports_usd", "2023", new BigDecimal(exports));
                }
                int shape = e % 6;
                if (shape == 0) { // no lists: the rules read the reported booths and airfares, sometimes
                    if (rnd.nextBoolean()) {
                        out.fact(f, uscc, "overseas_exhibition_booths", "2024-Q1", BigDecimal.valueOf(rnd.nextInt(3)));
                        out.fact(f, uscc, "overseas_trip_airfare_first", "2024-Q1", BigDecimal.valueOf(8000 + rnd.nextInt(4000)));
                        out.fact(f, uscc, "overseas_trip_airfare_second", "2024-Q1", BigDecimal.valueOf(rnd.nextInt(9000)));
                    }
                } else if (shape == 1) { // both lists declared empty
                    for (String kind : new String[] {"exhibitions", "travellers"}) {
                        out.noItems(f, uscc, kind);
                    }
                } else {
                    int shows = 1 + rnd.nextInt(3);
                    for (int i = 0; i < shows; i++) {
                        Map<String, Object> fields = new LinkedHashMap<>();
                        fields.put("date", DATES[rnd.nextInt(DATES.length)]);
                        fields.put("booths", BigDecimal.valueOf(1 + rnd.nextInt(3)));
                        item(out, f, uscc, "exhibitions", "S" + e + "-" + i, fields, shape == 2 && i == 0 ? rnd : null);
                    }
                    int people = 1 + rnd.nextInt(3);
                    for (int i = 0; i < people; i++) {
                        Map<String, Object> fields = new LinkedHashMap<>();
                        fields.put("seq", String.valueOf(i + 1));
                        fields.put("departure", DATES[rnd.nextInt(DATES.length)]);
                        fields.put("airfare", BigDecimal.valueOf(500_000 + rnd.nextInt(1_000_000), 2));
                        item(out, f, uscc, "travellers", "T" + e + "-" + i, fields, shape == 3 && i == 0 ? rnd : null);
                    }
                }
                records.put(uscc, new EnterpriseRecord(new Enterprise(uscc, "企业", "350521", "C3311", "小型", Map.of(
                        "zone", "泉州台商投资区", "has_self_export", exporter, "overseas_trip_pre_reported", reported)), f));
            }
        }
        return records;
    }

    /** One item; with {@code dropOne} one of its fields (chosen by it) is left out. */
    private static void item(FixtureFiles out, Facts f, String uscc, String kind, String id, Map<String, Object> fields, Random dropOne)
            throws IOException {
        if (dropOne != null) {
            fields.remove(fields.keySet().toArray(new String[0])[dropOne.nextInt(fields.size())]);
        }
        out.item(f, uscc, kind, id, fields);
    }
}
