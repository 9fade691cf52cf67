package huiqi.rules.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.enterprise.FactText;
import huiqi.facts.AttributeType;
import huiqi.facts.Granularity;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import huiqi.quantity.Unit;
import huiqi.quantity.Units;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pieces explanations are made of: numbers, periods and missing facts as an enterprise reads them. */
class ExplanationWordsTest {
    static final IndicatorCatalog CATALOG = new IndicatorCatalog(List.of(
            new IndicatorCatalog.Indicator("vat_monthly_sales", "月销售额", "元", Granularity.MONTH, "税务局"),
            new IndicatorCatalog.Indicator("site_workers", "在场工人数", "人", Granularity.DAY, "住建局"),
            new IndicatorCatalog.Indicator("reduction_rate", "减员率", "", Granularity.YEAR, "人社局")),
            List.of(new IndicatorCatalog.Attribute("manufacturing", "制造业企业", AttributeType.BOOLEAN, "统计局")));

    @Test
    void moneyHasTwoDecimalsAndSeparatorsRatiosArePercentagesCountsAreNumbers() {
        assertThat(Display.number(new BigDecimal("17942.38"), Units.YUAN)).isEqualTo("17,942.38元");
        assertThat(Display.number(new BigDecimal("17942.3812"), Units.YUAN)).isEqualTo("17,942.38元");
        assertThat(Display.number(new BigDecimal("0"), Units.YUAN)).isEqualTo("0.00元");
        assertThat(Display.number(new BigDecimal("2300000"), Units.USD)).isEqualTo("2,300,000.00美元");
        assertThat(Display.number(new BigDecimal("0.133333"), Unit.NONE)).isEqualTo("13.33%");
        assertThat(Display.number(new BigDecimal("0.055"), Unit.NONE)).isEqualTo("5.5%");
        assertThat(Display.number(new BigDecimal("360"), Unit.NONE)).isEqualTo("360");
        assertThat(Display.number(new BigDecimal("499900"), Units.KWH)).isEqualTo("49.99万千瓦时");
        assertThat(Display.number(new BigDecimal("4700.5"), Units.parse("方").orElseThrow().unit())).isEqualTo("4,700.5方");
        assertThat(Display.number(new BigDecimal("0.02"), Units.YUAN.per(Units.KWH))).isEqualTo("0.02元/千瓦时");
    }

    @Test
    void periodsAreWrittenAsDataIsSupplied() {
        assertThat(Display.period(Period.parse("2024-01-01..2024-02-29"))).isEqualTo("2024-01至2024-02");
        assertThat(Display.period(Period.parse("2024-02-10..2024-02-17"))).isEqualTo("2024-02-10至2024-02-17");
        assertThat(Display.period(Period.parse("2024-Q1"))).isEqualTo("2024-Q1");
    }

    @Test
    void missingFactsByNameWithOnlyTheMissingPeriodsJoinedIntoRanges() {
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            if (m != 6) {
                months.add("vat_monthly_sales[2023-%02d]".formatted(m));
            }
        }
        months.add("manufacturing");
        months.add("site_workers[2024-02-10..2024-02-17]");
        assertThat(MissingFacts.describe(months, CATALOG)).containsExactly(
                "月销售额（2023-01至2023-05、2023-07至2023-12）", "制造业企业", "在场工人数（2024-02-10至2024-02-17）");
        assertThat(MissingFacts.sentence(List.of("region"), CATALOG)).isEqualTo("缺少 行政区划代码");
    }

    @Test
    void oneSyntaxForPeriodsEverywhereWithChineseReasons() {
        assertThat(Period.parse("2020-02..2020-12")).isEqualTo(new Period.Range(
                LocalDate.of(2020, 2, 1), LocalDate.of(2020, 12, 31)));
        assertThatThrownBy(() -> Period.parse("2020-02-05..")).hasMessageContaining("缺少结束").hasMessageNotContaining("Text");
        assertThatThrownBy(() -> Period.parse("..2020-02-05")).hasMessageContaining("缺少开始");
        assertThatThrownBy(() -> Period.parse("2020-13..2020-14")).hasMessageNotContaining("Text").hasMessageContaining("期间格式错误");
        assertThatThrownBy(() -> Period.parse("2020-12..2020-02")).hasMessageContaining("结束早于开始");
        assertThatThrownBy(() -> Period.parse("2020-02..2020-12-31")).hasMessageContaining("区间两端应同为日期");
        assertThatThrownBy(() -> Period.parse("")).hasMessageNotContaining("Text").hasMessageContaining("期间格式错误");
    }

    @Test
    void aBareNumberForARatioIndicatorShowsBothReadings() {
        IndicatorCatalog.Indicator rate = CATALOG.indicator("reduction_rate").orElseThrow();
        assertThatThrownBy(() -> FactText.indicator(rate, "3.2"))
                .hasMessageContaining("\"3.2%\"").hasMessageContaining("0.032").hasMessageContaining("320%");
        assertThatThrownBy(() -> FactText.indicator(rate, new BigDecimal("3.2"))).hasMessageContaining("0.032");
        assertThat(FactText.indicator(rate, "3.2%")).isEqualByComparingTo("0.032");
        assertThat(FactText.indicator(rate, "0.032")).isEqualByComparingTo("0.032");
    }
}
