package huiqi.enterprise;

import static huiqi.enterprise.ImportFixtures.A;
import static huiqi.enterprise.ImportFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import huiqi.facts.AttributeType;
import huiqi.facts.Granularity;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A value means the same whether it arrives as CSV or as enterprise JSON: one reader for both. */
class FactValuesAgreeAcrossFormatsTest {
    static final IndicatorCatalog CATALOG = new IndicatorCatalog(
            List.of(new IndicatorCatalog.Indicator("electricity_kwh", "用电量", "千瓦时", Granularity.MONTH, "供电公司"),
                    new IndicatorCatalog.Indicator("staff_reduction_pct", "减员率", "%", Granularity.YEAR, "人社局")),
            List.of(new IndicatorCatalog.Attribute("above_scale_industrial", "规上工业企业", AttributeType.BOOLEAN, "统计局")));

    @TempDir
    Path dir;

    // both accept a whole quarter of a monthly indicator (a rule reading 2023-Q4 takes it as reported)
    @Test
    void csvAndJsonReadUnitsMultipliersPercentAndPeriodsTheSame() throws IOException {
        InMemoryEnterpriseStore store = new InMemoryEnterpriseStore();
        new EnterpriseImporter(CATALOG, store).importFiles(List.of(
                write(dir, "profiles.csv", "uscc,name,region_code,industry_code,size,above_scale_industrial\n"
                        + A + ",甲公司,350102,C3311,中型,是\n", StandardCharsets.UTF_8, false),
                write(dir, "facts.csv", "uscc,indicator,period,value\n"
                        + A + ",electricity_kwh,2024-02,50万千瓦时\n"
                        + A + ",electricity_kwh,2024-03,\"612,000\"\n"
                        + A + ",electricity_kwh,2023-Q4,180万\n"
                        + A + ",staff_reduction_pct,2023,2\n", StandardCharsets.UTF_8, false)));
        EnterpriseRecord fromCsv = store.record(A).orElseThrow();

        EnterpriseRecord fromJson = EnterpriseJson.parse("""
                {"profile": {"uscc": "%s", "name": "甲公司", "region": "350102", "attributes": {"above_scale_industrial": "是"}},
                 "facts": [{"indicator": "electricity_kwh", "period": "2024-02", "value": "50万千瓦时"},
                           {"indicator": "electricity_kwh", "period": "2024-03", "value": 612000},
                           {"indicator": "electricity_kwh", "period": "2023-Q4", "value": "180万"},
                           {"indicator": "staff_reduction_pct", "period": "2023", "value": 2}]}
                """.formatted(A), "e.json", CATALOG);

        for (String[] key : new String[][] {{"electricity_kwh", "2024-02"}, {"electricity_kwh", "2024-03"},
                {"electricity_kwh", "2023-Q4"}, {"staff_reduction_pct", "2023"}}) {
            BigDecimal csv = fromCsv.facts().get(key[0], Period.parse(key[1])).orElseThrow().value();
            BigDecimal json = fromJson.facts().get(key[0], Period.parse(key[1])).orElseThrow().value();
            assertThat(csv).as("%s[%s]", key[0], key[1]).isEqualByComparingTo(json);
        }
        assertThat(fromCsv.facts().get("electricity_kwh", Period.parse("2024-02")).orElseThrow().value())
                .isEqualByComparingTo("500000");
        // "2" in a % indicator is 2 %, stored in base units as 0.02 on both paths
        assertThat(fromCsv.facts().get("staff_reduction_pct", Period.parse("2023")).orElseThrow().value())
                .isEqualByComparingTo("0.02");
        assertThat(fromCsv.profile().attributes()).isEqualTo(fromJson.profile().attributes());
    }
}
