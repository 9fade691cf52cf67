package huiqi.enterprise;

import static huiqi.enterprise.ImportFixtures.A;
import static huiqi.enterprise.ImportFixtures.CATALOG;
import static huiqi.enterprise.ImportFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Sign;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog's sign, integrality and period range (indicators.yaml) and the plausibility of dates and text,
 * checked the same way by the CSV import and the enterprise JSON (issue #15 item 13).
 */
class ImplausibleDataTest {
    @TempDir
    Path dir;
    InMemoryEnterpriseStore store;
    EnterpriseImporter importer;

    @BeforeEach
    void seed() throws IOException {
        store = new InMemoryEnterpriseStore();
        importer = new EnterpriseImporter(CATALOG, store);
        importer.importFiles(List.of(write(dir, "seed.csv", "uscc,name,region_code\n" + A + ",已有企业,350102\n",
                StandardCharsets.UTF_8, false)));
    }

    private ImportProblem rejected(String name, String csv) throws IOException {
        ImportRejectedException e = catchThrowableOfType(ImportRejectedException.class,
                () -> importer.importFiles(List.of(write(dir, name, csv, StandardCharsets.UTF_8, false))));
        assertThat(e).as("%s should be rejected", csv).isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    private static String fact(String indicator, String period, String value) {
        return "uscc,indicator,period,value\n" + A + "," + indicator + "," + period + "," + value + "\n";
    }

    @Test
    void theCatalogDeclaresSignIntegralityAndPeriods() {
        IndicatorCatalog.Indicator kwh = CATALOG.indicator("electricity_kwh").orElseThrow();
        assertThat(kwh.sign()).isEqualTo(Sign.NONNEGATIVE);
        assertThat(kwh.integral()).isFalse();
        assertThat(kwh.periods().fromYear()).isEqualTo(1990);
        assertThat(CATALOG.indicator("insured_headcount").orElseThrow().integral()).isTrue();
        assertThat(CATALOG.indicator("staff_reduction_rate").orElseThrow().sign()).isEqualTo(Sign.ANY);
        assertThat(CATALOG.attribute("established_date").orElseThrow().past()).isTrue();
        assertThat(CATALOG.attribute("loan_maturity_date").orElseThrow().past()).isFalse();
    }

    @Test
    void negativeKwhIsRefused() throws IOException {
        assertThat(rejected("f.csv", fact("electricity_kwh", "2024-02", "-5")).reason()).contains("不能为负数");
    }

    @Test
    void negativeOrFractionalHeadcountIsRefused() throws IOException {
        assertThat(rejected("f.csv", fact("insured_headcount", "2024-02", "12.5")).reason()).contains("应为整数");
        assertThat(rejected("g.csv", fact("insured_headcount", "2024-02", "-3")).reason()).contains("不能为负数");
        assertThat(FactText.indicator(CATALOG.indicator("insured_headcount").orElseThrow(), "12.000"))
                .isEqualByComparingTo("12");
    }

    @Test
    void aRateMayBeNegative() {
        assertThat(FactText.indicator(CATALOG.indicator("staff_reduction_rate").orElseThrow(), "-0.02"))
                .isEqualByComparingTo("-0.02");
    }

    @Test
    void periodsOutsideThePlausibleRangeAreRefused() throws IOException {
        assertThat(rejected("f.csv", fact("electricity_kwh", "0000-01", "5")).reason()).contains("不合理");
        assertThat(rejected("g.csv", fact("electricity_kwh", "2099-01", "5")).reason()).contains("不合理");
    }

    @Test
    void aValueTheDatabaseCannotHoldIsRefused() throws IOException {
        assertThat(rejected("f.csv", fact("electricity_kwh", "2024-02", "100000000000000000000")).reason())
                .contains("超出");
        assertThat(rejected("g.csv", fact("electricity_kwh", "2024-02", "0.00001")).reason())
                .contains("超出");
    }

    @Test
    void establishmentInTheFutureIsRefused() throws IOException {
        assertThat(rejected("p.csv", "uscc,name,established_date\n" + A + ",已有企业,2099-01-01\n").reason())
                .contains("不合理");
    }

    @Test
    void aNulInsideACellIsRefused() throws IOException {
        ImportProblem p = rejected("p.csv", "uscc,name\n" + A + ",已有\u0000企业\n");
        assertThat(p.reason()).contains("控制字符");
        assertThat(p.column()).isEqualTo("name");
    }

    @Test
    void aBrokenCsvIsReportedInChineseWithoutTheParsersEnglish() throws IOException {
        ImportProblem p = rejected("q.csv", "uscc,name\n" + A + ",\"未闭合\"x,1\n");
        assertThat(p.reason()).contains("CSV 格式错误").doesNotContain("encapsulated").doesNotContain("Exception");
    }

    @Test
    void theEnterpriseJsonChecksTheSameAndRefusesDuplicateFacts() {
        String head = "{\"profile\": {\"uscc\": \"" + A + "\", \"name\": \"x\"";
        assertThatThrownBy(() -> EnterpriseJson.parse(head + ", \"established_date\": \"2099-01-01\"}}", "e", CATALOG))
                .isInstanceOf(EnterpriseDataException.class).hasMessageContaining("不合理");
        assertThatThrownBy(() -> EnterpriseJson.parse(head + "}, \"facts\": [{\"indicator\": \"electricity_kwh\", "
                + "\"period\": \"2024-02\", \"value\": -1}]}", "e", CATALOG))
                .isInstanceOf(EnterpriseDataException.class).hasMessageContaining("不能为负数");
        String fact = "{\"indicator\": \"electricity_kwh\", \"period\": \"2024-02\", \"value\": 1}";
        assertThatThrownBy(() -> EnterpriseJson.parse(head + "}, \"facts\": [" + fact + ", " + fact + "]}", "e", CATALOG))
                .isInstanceOf(EnterpriseDataException.class).hasMessageContaining("重复");
        assertThatThrownBy(() -> EnterpriseJson.parse("{\"profile\": {\"uscc\": \"" + A + "\", \"name\": \"a\\u0000b\"}}",
                "e", CATALOG)).isInstanceOf(EnterpriseDataException.class).hasMessageContaining("控制字符");
    }

    @Test
    void theRejectionMessageIsBoundedButEveryProblemIsKept() {
        List<ImportProblem> many = java.util.stream.IntStream.range(0, 10_000)
                .mapToObj(i -> new ImportProblem("f.csv", i + 2, "value", "不是数值")).toList();
        ImportRejectedException e = new ImportRejectedException(many);
        assertThat(e.problems()).hasSize(10_000);
        assertThat(e.getMessage().lines().count()).isLessThan(60);
        assertThat(e.getMessage()).contains("10000 个问题").contains("其余 9950 个略");
    }

    @Test
    void aJsonNumberIsCheckedLikeText() {
        IndicatorCatalog.Indicator kwh = CATALOG.indicator("electricity_kwh").orElseThrow();
        assertThatThrownBy(() -> FactText.indicator(kwh, new BigDecimal("-1"))).hasMessageContaining("不能为负数");
    }
}
