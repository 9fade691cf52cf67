package huiqi.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.enterprise.EnterpriseImporter;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.enterprise.ImportResult;
import huiqi.enterprise.InMemoryEnterpriseStore;
import huiqi.enterprise.Uscc;
import huiqi.facts.FactValue;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PopulationGeneratorTest {
    static IndicatorCatalog catalog;
    static Path out;
    static PopulationGenerator.Summary summary;
    static InMemoryEnterpriseStore store = new InMemoryEnterpriseStore();

    @BeforeAll
    static void generateAndImport(@TempDir Path dir) throws IOException {
        catalog = IndicatorCatalog.load(IndicatorCatalog.locate(Path.of("")));
        out = dir.resolve("pop");
        summary = new PopulationGenerator(42, catalog, new DocumentedBoundaries()).generate(3_000, out, null);
        ImportResult r = new EnterpriseImporter(catalog, store)
                .importFiles(List.of(out.resolve("profiles.csv"), out.resolve("facts.csv"), out.resolve(PopulationGenerator.ITEM_IMPORT_FILE)));
        assertThat(r.profiles()).isEqualTo(3_000);
        assertThat((long) r.facts()).isEqualTo(summary.factRows());
    }

    static List<CSVRecord> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherPopulation(@TempDir Path dir) throws IOException {
        PopulationGenerator g = new PopulationGenerator(42, catalog, new DocumentedBoundaries());
        g.generate(3_000, dir.resolve("again"), null);
        for (String f : List.of("profiles.csv", "facts.csv", "scenarios.csv", "items.csv", PopulationGenerator.ITEM_IMPORT_FILE)) {
            assertThat(Files.mismatch(out.resolve(f), dir.resolve("again").resolve(f))).as(f).isEqualTo(-1L);
        }
        new PopulationGenerator(43, catalog, new DocumentedBoundaries()).generate(300, dir.resolve("other"), null);
        assertThat(Files.readAllLines(dir.resolve("other").resolve("profiles.csv")).get(200))
                .isNotEqualTo(Files.readAllLines(out.resolve("profiles.csv")).get(200));
        // enterprise i does not depend on how many are generated
        assertThat(Files.readAllLines(dir.resolve("again").resolve("profiles.csv")).subList(0, 301))
                .isEqualTo(Files.readAllLines(out.resolve("profiles.csv")).subList(0, 301));
    }

    @Test
    void everyGeneratedCodeIsValidAndUnique() throws IOException {
        List<CSVRecord> profiles = read(out.resolve("profiles.csv"));
        Set<String> codes = new HashSet<>();
        for (CSVRecord p : profiles) {
            assertThat(Uscc.problem(p.get("uscc"))).isEmpty();
            assertThat(codes.add(p.get("uscc"))).as("duplicate %s", p.get("uscc")).isTrue();
            assertThat(p.get("uscc").substring(2, 8)).isEqualTo(p.get("region_code"));
            assertThat(p.get("region_code")).matches("350(1|3|5)\\d\\d|610403|532301|4202\\d\\d|330109");
        }
    }

    @Test
    void distributionsLookLikeFuzhouAndQuanzhou() throws IOException {
        List<CSVRecord> profiles = read(out.resolve("profiles.csv"));
        Map<String, Long> sizes = profiles.stream().collect(Collectors.groupingBy(p -> p.get("size"), Collectors.counting()));
        assertThat(sizes.get("微型")).isGreaterThan(sizes.get("小型"));
        assertThat(sizes.get("小型")).isGreaterThan(sizes.get("中型"));
        assertThat(sizes.get("中型")).isGreaterThan(sizes.getOrDefault("大型", 0L));
        assertThat(profiles).anySatisfy(p -> assertThat(p.get("region_code")).isEqualTo("350102"));
        assertThat(profiles).anySatisfy(p -> assertThat(p.get("name")).startsWith("泉州台商投资区"));
        // the 2022–2023 documents of 莆田 and 杨凌 (NewDocumentsData): ordinary enterprises there too, not only scenarios
        Set<String> scenarioCodes = read(out.resolve("scenarios.csv")).stream().map(s -> s.get("uscc")).collect(Collectors.toSet());
        List<CSVRecord> ordinary = profiles.stream().filter(p -> !scenarioCodes.contains(p.get("uscc"))).toList();
        assertThat(ordinary).anySatisfy(p -> assertThat(p.get("region_code")).startsWith("3503"));
        assertThat(ordinary).anySatisfy(p -> assertThat(p.get("name")).startsWith("杨凌"));
        assertThat(ordinary).anySatisfy(p -> assertThat(p.get("name")).startsWith("楚雄市"));
        assertThat(ordinary).anySatisfy(p -> assertThat(p.get("ui_paid_12_months")).isEqualTo("是"));
        assertThat(ordinary).anySatisfy(p -> assertThat(p.get("ui_paid_12_months")).isEqualTo("否"));
        // 黄石 (hs-2023-5): ordinary enterprises with their leases, in both item files
        Set<String> huangshi = ordinary.stream().filter(p -> p.get("region_code").startsWith("4202")).map(p -> p.get("uscc"))
                .collect(Collectors.toSet());
        assertThat(huangshi).isNotEmpty();
        assertThat(read(out.resolve(PopulationGenerator.ITEM_IMPORT_FILE))).anySatisfy(i -> {
            assertThat(huangshi).contains(i.get("uscc"));
            assertThat(i.get("kind")).isEqualTo("leases");
            assertThat(i.get("monthly_rent")).isNotEmpty();
        });
        assertThat(read(out.resolve("items.csv"))).anySatisfy(i -> assertThat(huangshi).contains(i.get("uscc")));
        // imported (item-list.csv) the leases are there as the rules read them
        assertThat(huangshi).anySatisfy(u -> assertThat(store.record(u).orElseThrow().facts().items("leases"))
                .isNotEmpty().allSatisfy(l -> assertThat(l.get("monthly_rent")).isNotNull()));
        // 萧山 (xs-2023-13): ordinary manufacturers with their 亩均 class, loans and year-end bank loan balances
        Set<String> xiaoshan = ordinary.stream().filter(p -> p.get("region_code").equals("330109")).map(p -> p.get("uscc"))
                .collect(Collectors.toSet());
        assertThat(xiaoshan).isNotEmpty();
        assertThat(ordinary).anySatisfy(p -> {
            assertThat(xiaoshan).contains(p.get("uscc"));
            assertThat(p.get("mu_efficiency_class")).endsWith("类");
            assertThat(p.get("little_giant")).isIn("是", "否");
        });
        assertThat(xiaoshan).anySatisfy(u -> assertThat(store.record(u).orElseThrow().facts().items("loans"))
                .isNotEmpty().allSatisfy(l -> assertThat(l.get("amount")).isNotNull()));
        assertThat(ordinary).anySatisfy(p -> assertThat(p.get("spring_2023_continuous_production")).isEqualTo("是"));
        assertThat(ordinary).anySatisfy(p -> assertThat(p.get("spring_2023_continuous_production")).isEqualTo("否"));
        assertThat(profiles).anySatisfy(p -> assertThat(p.get("stats_included_month")).startsWith("2024-"));
        long manufacturing = profiles.stream().filter(p -> p.get("industry_code").startsWith("C")).count();
        assertThat(manufacturing).isBetween(300L, 1500L);
        for (String i : List.of("gas_m3", "insured_headcount", "industrial_output", "foreign_paid_in_capital_usd",
                "fixed_asset_investment", "exports", "revenue", "tax_paid", "site_workers_daily_avg",
                "trade_sales", "spring_festival_stable_staff", "charter_bus_cost", "ui_premium_paid", "ui_benefit_claimants",
                "bank_loan_balance")) {
            assertThat(read(out.resolve("facts.csv"))).as(i).anySatisfy(f -> assertThat(f.get("indicator")).isEqualTo(i));
        }
    }

    @Test
    void februaryDipsForTheSpringFestival() throws IOException {
        Set<String> scenarioEnterprises = read(out.resolve("scenarios.csv")).stream().map(s -> s.get("uscc")).collect(Collectors.toSet());
        BigDecimal jan = BigDecimal.ZERO;
        BigDecimal feb = BigDecimal.ZERO;
        BigDecimal mar = BigDecimal.ZERO;
        for (String u : store.usccs()) {
            if (scenarioEnterprises.contains(u)) {
                continue;
            }
            EnterpriseRecord r = store.record(u).orElseThrow();
            var j = r.facts().get("electricity_kwh", Period.parse("2024-01"));
            var f = r.facts().get("electricity_kwh", Period.parse("2024-02"));
            var m = r.facts().get("electricity_kwh", Period.parse("2024-03"));
            if (j.isPresent() && f.isPresent() && m.isPresent()) {
                jan = jan.add(j.get().value());
                feb = feb.add(f.get().value());
                mar = mar.add(m.get().value());
            }
        }
        assertThat(feb.doubleValue() / jan.doubleValue()).isBetween(0.6, 0.85);
        assertThat(mar.doubleValue() / jan.doubleValue()).isBetween(0.9, 1.15);
    }

    @Test
    void everyBoundaryHasEveryCaseAndTheirFactsSitWhereTheyShould() throws IOException {
        List<CSVRecord> scenarios = read(out.resolve("scenarios.csv"));
        Map<String, Set<String>> casesByBoundary = new HashMap<>();
        scenarios.forEach(s -> casesByBoundary.computeIfAbsent(s.get("rule_id") + " " + s.get("boundary"), k -> new HashSet<>()).add(s.get("case")));
        for (Boundary b : new DocumentedBoundaries().boundaries()) {
            assertThat(casesByBoundary.get(b.ruleId() + " " + b.description()))
                    .containsExactlyInAnyOrderElementsOf(b.cases().stream().map(BoundaryCase::id).toList());
        }
        assertThat(scenarios.stream().map(s -> s.get("expected")).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("eligible", "ineligible", "undeterminable");

        for (CSVRecord s : scenarios) {
            EnterpriseRecord r = store.record(s.get("uscc")).orElseThrow();
            if (s.get("rule_id").equals("fz-2024-2/7")) {
                assertThat(r.profile().regionCode()).startsWith("3501");
                assertThat(r.profile().attributes()).containsEntry("above_scale_industrial", true);
                var feb = r.facts().get("electricity_kwh", Period.parse("2024-02")).map(FactValue::value);
                if (s.get("case").equals("undeterminable")) {
                    assertThat(feb).isEmpty();
                } else {
                    assertThat(feb).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(s.get("value")));
                }
            }
            if (s.get("rule_id").equals("qt-2024-3/9-2") && !s.get("case").equals("undeterminable")) {
                BigDecimal q2024 = sum(r, "electricity_kwh", "2024-01", "2024-02", "2024-03");
                BigDecimal q2023 = sum(r, "electricity_kwh", "2023-01", "2023-02", "2023-03");
                assertThat(q2024.divide(q2023).subtract(BigDecimal.ONE)).isEqualByComparingTo(s.get("value"));
            }
            if (s.get("rule_id").equals("qt-2024-3/33") && !s.get("case").equals("undeterminable")) {
                assertThat(sum(r, "gas_m3", "2024-01", "2024-02")).isEqualByComparingTo(s.get("value"));
            }
            if (s.get("rule_id").equals("gl-2023-1/37") && !s.get("case").equals("undeterminable")) {
                assertThat(r.facts().all("foreign_paid_in_capital_usd")).hasSize(12);
                assertThat(r.facts().all("foreign_paid_in_capital_usd").stream().map(FactValue::value)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(s.get("value"));
            }
        }
        assertThat(summary.scenarioEnterprises()).isEqualTo(scenarios.size()).isGreaterThan(summary.scenarioKinds());
    }

    @Test
    void inMemoryRecordsEqualWhatImportingTheFilesGives() {
        PopulationGenerator g = new PopulationGenerator(42, catalog, new DocumentedBoundaries());
        for (long i = 0; i < 300; i++) {
            EnterpriseRecord direct = g.record(i);
            EnterpriseRecord imported = store.record(direct.profile().uscc()).orElseThrow();
            assertThat(direct.profile()).isEqualTo(imported.profile());
            assertThat(direct.facts().indicators()).containsExactlyInAnyOrderElementsOf(imported.facts().indicators());
            for (String ind : direct.facts().indicators()) {
                assertThat(direct.facts().all(ind).stream().map(v -> v.period() + "=" + v.value().toPlainString()).toList())
                        .isEqualTo(imported.facts().all(ind).stream().map(v -> v.period() + "=" + v.value().stripTrailingZeros().toPlainString()).toList());
            }
        }
    }

    private static BigDecimal sum(EnterpriseRecord r, String indicator, String... months) {
        BigDecimal s = BigDecimal.ZERO;
        for (String m : months) {
            s = s.add(r.facts().get(indicator, Period.parse(m)).orElseThrow().value());
        }
        return s;
    }
}
