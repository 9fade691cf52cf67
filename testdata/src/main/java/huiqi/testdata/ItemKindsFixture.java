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
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Contracts, projects and guarantees (items of indicators.yaml) for the differential tests of testdata/rules/kinds
 * (#17 item 1): each enterprise gets the three lists independently, each either not given, declared empty, with one
 * field missing or complete. The items sit on the rules' boundaries: contracts signed the day before, on and after the
 * window 2024-01-01..2024-06-30 with amounts at the per-contract cap (20万元 × 50% = 10万元), two fen over and under,
 * and enough of them to pass the enterprise cap; projects of 省级/市级/县级 started on the year's edges with investments at
 * the per-project cap (5000万元 × 2%), a yuan over and under, and amounts whose 3% needs rounding to the fen; guarantees
 * of exactly 500万元, a fen over and under, fee rates under, at and over 1% (the part above 1% is not subsidised, which
 * divides), started on the year's edges. Writes profiles.csv, an empty facts.csv and items.csv (long form) with {@link FixtureFiles}.
 */
public final class ItemKindsFixture {
    private static final LocalDate[] CONTRACT_DATES = {LocalDate.of(2023, 12, 31), LocalDate.of(2024, 1, 1),
        LocalDate.of(2024, 3, 15), LocalDate.of(2024, 6, 30), LocalDate.of(2024, 7, 1)};
    private static final String[] CONTRACT_AMOUNTS = {"200000", "200000.02", "199999.98", "0.01", "0.03", "300000"};
    private static final LocalDate[] YEAR_EDGES = {LocalDate.of(2023, 12, 31), LocalDate.of(2024, 1, 1),
        LocalDate.of(2024, 6, 15), LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 1)};
    private static final String[] KEY_LEVELS = {"省级", "市级", "市级", "县级"};
    private static final String[] INVESTMENTS = {"50000000", "50000001", "49999999", "33333333.33", "0.50"};
    private static final String[] GUARANTEE_AMOUNTS = {"5000000", "5000000.01", "4999999.99"};
    private static final String[] FEE_RATES = {"0.005", "0.01", "0.0101", "0.02", "0.03", "0.0137"};

    private ItemKindsFixture() {
    }

    /** testdata/rules/kinds/rules.yaml, found from the repository root. */
    public static Path rules() {
        return IndicatorCatalog.locate(Path.of("")).getParent().resolve("testdata/rules/kinds/rules.yaml");
    }

    /** Writes the data files of {@code n} enterprises into {@code dir}; returns the same data as records by uscc. */
    public static Map<String, EnterpriseRecord> generate(Path dir, int n, long seed) throws IOException {
        Random rnd = new Random(seed);
        Map<String, EnterpriseRecord> records = new LinkedHashMap<>();
        try (FixtureFiles files = new FixtureFiles(dir)) {
            for (int e = 0; e < n; e++) {
                String uscc = String.format("K%05d", e);
                files.profile(uscc, "企业" + e, "350102", "M7520", "小型");
                Facts facts = Facts.empty();
                // each kind's shape cycles with its own offset, so an enterprise's three lists are in different shapes
                list(files, uscc, "contracts", (e + 0) % 9, rnd, facts, ItemKindsFixture::contract, "amount", "date");
                list(files, uscc, "projects", (e + 3) % 9, rnd, facts, ItemKindsFixture::project, "investment", "date", "key_level");
                list(files, uscc, "guarantees", (e + 6) % 9, rnd, facts, ItemKindsFixture::guarantee, "amount", "fee", "fee_rate", "start");
                records.put(uscc, new EnterpriseRecord(new Enterprise(uscc, "企业", "350102", "M7520", "小型", Map.of()), facts));
            }
        }
        return records;
    }

    private interface ItemFields {
        Map<String, Object> make(Random rnd);
    }

    /** Shape 0: list not given; 1: declared empty; 2: first item misses one of {@code read}; otherwise 1–5 items. */
    private static void list(FixtureFiles files, String uscc, String kind, int shape, Random rnd, Facts facts, ItemFields make,
                             String... read) throws IOException {
        if (shape == 0) {
            return;
        }
        if (shape == 1) {
            files.noItems(facts, uscc, kind);
            return;
        }
        int count = 1 + rnd.nextInt(5);
        for (int i = 0; i < count; i++) {
            String id = kind.substring(0, 1).toUpperCase() + uscc.substring(1) + "-" + i;
            Map<String, Object> f = make.make(rnd);
            if (shape == 2 && i == 0) {
                f.remove(read[rnd.nextInt(read.length)]);
            }
            files.item(facts, uscc, kind, id, f);
        }
    }

    private static Map<String, Object> contract(Random rnd) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("amount", rnd.nextInt(3) == 0 ? BigDecimal.valueOf(rnd.nextInt(50_000_000) + 1, 2)
                : new BigDecimal(CONTRACT_AMOUNTS[rnd.nextInt(CONTRACT_AMOUNTS.length)]));
        f.put("date", CONTRACT_DATES[rnd.nextInt(CONTRACT_DATES.length)]);
        f.put("counterparty", rnd.nextBoolean() ? "福州软件园技术服务有限公司" : "闽侯检测认证中心");
        return f;
    }

    private static Map<String, Object> project(Random rnd) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("investment", rnd.nextInt(3) == 0 ? BigDecimal.valueOf(rnd.nextLong(8_000_000_000L) + 1, 2)
                : new BigDecimal(INVESTMENTS[rnd.nextInt(INVESTMENTS.length)]));
        f.put("date", YEAR_EDGES[rnd.nextInt(YEAR_EDGES.length)]);
        f.put("key_level", KEY_LEVELS[rnd.nextInt(KEY_LEVELS.length)]);
        return f;
    }

    private static Map<String, Object> guarantee(Random rnd) {
        Map<String, Object> f = new LinkedHashMap<>();
        BigDecimal amount = rnd.nextInt(3) == 0 ? BigDecimal.valueOf(rnd.nextInt(2_000_000_000) + 1, 2)
                : new BigDecimal(GUARANTEE_AMOUNTS[rnd.nextInt(GUARANTEE_AMOUNTS.length)]);
        f.put("amount", amount);
        f.put("fee", BigDecimal.valueOf(rnd.nextInt(rnd.nextBoolean() ? 10_000_000 : 60_000_000) + 1, 2));
        f.put("fee_rate", new BigDecimal(FEE_RATES[rnd.nextInt(FEE_RATES.length)]));
        LocalDate start = YEAR_EDGES[rnd.nextInt(YEAR_EDGES.length)];
        f.put("start", start);
        f.put("end", start.plusYears(1).minusDays(1));
        f.put("guarantor", List.of("福建省融资担保有限责任公司", "福州市融资担保有限责任公司").get(rnd.nextInt(2)));
        return f;
    }
}
