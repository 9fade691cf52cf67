package huiqi.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.facts.AttributeType;
import huiqi.facts.Granularity;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnterpriseJsonTest {
    static final IndicatorCatalog CATALOG = new IndicatorCatalog(List.of(
            new IndicatorCatalog.Indicator("electricity_kwh", "用电量", "千瓦时", Granularity.MONTH, "供电公司"),
            new IndicatorCatalog.Indicator("output", "工业总产值", "万元", Granularity.QUARTER, "统计局")),
            List.of(new IndicatorCatalog.Attribute("above_scale_industrial", "规模以上工业企业", AttributeType.BOOLEAN, "统计局"),
                    new IndicatorCatalog.Attribute("stats_month", "纳统月份", AttributeType.MONTH, "统计局")));

    private static EnterpriseRecord parse(String json) {
        return EnterpriseJson.parse(json, "e.json", CATALOG);
    }

    @Test
    void readsProfileAttributesAndFactsInBaseUnits() {
        EnterpriseRecord r = parse("""
                {"profile": {"uscc": "91350102MA2XY1003H", "name": "甲", "region": "350102", "industry": "C3311", "size": "中型",
                             "attributes": {"above_scale_industrial": true}, "stats_month": "2024-02"},
                 "facts": [
                   {"indicator": "electricity_kwh", "period": "2024-02", "value": 600000.5, "source": "供电公司"},
                   {"indicator": "electricity_kwh", "period": "2024-03", "value": "49.99万千瓦时"},
                   {"indicator": "output", "period": "2024-Q1", "value": 3}
                 ]}
                """);
        assertThat(r.profile().regionCode()).isEqualTo("350102");
        assertThat(r.profile().attributes()).containsEntry("above_scale_industrial", true)
                .containsEntry("stats_month", YearMonth.of(2024, 2));
        assertThat(r.facts().get("electricity_kwh", Period.parse("2024-02")).orElseThrow().value()).isEqualByComparingTo("600000.5");
        assertThat(r.facts().get("electricity_kwh", Period.parse("2024-03")).orElseThrow().value()).isEqualByComparingTo("499900");
        // catalog unit 万元: a bare 3 means 30000 元
        assertThat(r.facts().get("output", Period.parse("2024-Q1")).orElseThrow().value()).isEqualByComparingTo("30000");
        assertThat(r.facts().get("electricity_kwh", Period.parse("2024-03")).orElseThrow().provenance().source()).isEqualTo("供电公司");
    }

    @Test
    void monthRangesAreAcceptedAsInRuleTests() {
        EnterpriseRecord r = parse("""
                {"profile": {"uscc": "91350102MA2XY1003H"},
                 "facts": [{"indicator": "electricity_kwh", "period": "2024-01..2024-03", "value": 10}]}
                """);
        assertThat(r.facts().get("electricity_kwh", Period.parse("2024-01-01..2024-03-31"))).isPresent();
        assertThatThrownBy(() -> parse("""
                {"profile": {"uscc": "91350102MA2XY1003H"},
                 "facts": [{"indicator": "output", "period": "2024-01..2024-02", "value": 1}]}
                """)).isInstanceOf(EnterpriseDataException.class).hasMessageContaining("按季统计");
    }

    @Test
    void aNullAttributeIsUnknownAsInRuleTests() {
        EnterpriseRecord r = parse("""
                {"profile": {"uscc": "91350102MA2XY1003H", "above_scale_industrial": null}}
                """);
        assertThat(r.profile().attributes()).doesNotContainKey("above_scale_industrial");
    }

    @Test
    void invalidJsonGivesLineAndColumn() {
        assertThatThrownBy(() -> parse("{\"profile\": {\"uscc\": \"91350102MA2XY1003H\",}\n}"))
                .isInstanceOf(EnterpriseDataException.class).hasMessageStartingWith("e.json:1:").hasMessageContaining("不是有效的 JSON");
    }

    @Test
    void unknownIndicatorIsNamed() {
        assertThatThrownBy(() -> parse("""
                {"profile": {"uscc": "91350102MA2XY1003H"}, "facts": [{"indicator": "water", "period": "2024-02", "value": 1}]}
                """)).isInstanceOf(EnterpriseDataException.class).hasMessageContaining("facts[0]").hasMessageContaining("未知指标 'water'");
    }

    @Test
    void unknownAttributeIsNamed() {
        assertThatThrownBy(() -> parse("{\"profile\": {\"uscc\": \"91350102MA2XY1003H\", \"attributes\": {\"big\": true}}}"))
                .isInstanceOf(EnterpriseDataException.class).hasMessageContaining("未知属性").hasMessageContaining("big");
    }

    @Test
    void malformedPeriod() {
        assertThatThrownBy(() -> parse("""
                {"profile": {"uscc": "91350102MA2XY1003H"}, "facts": [{"indicator": "electricity_kwh", "period": "2024-13", "value": 1}]}
                """)).isInstanceOf(EnterpriseDataException.class).hasMessageContaining("period").hasMessageContaining("2024-13");
    }

    @Test
    void periodFinerThanTheIndicatorIsRejected() {
        assertThatThrownBy(() -> parse("""
                {"profile": {"uscc": "91350102MA2XY1003H"}, "facts": [{"indicator": "electricity_kwh", "period": "2024-02-01", "value": 1}]}
                """)).isInstanceOf(EnterpriseDataException.class).hasMessageContaining("按月统计");
    }

    @Test
    void malformedValueAndWrongUnit() {
        assertThatThrownBy(() -> parse("""
                {"profile": {"uscc": "91350102MA2XY1003H"}, "facts": [{"indicator": "electricity_kwh", "period": "2024-02", "value": "很多"}]}
                """)).isInstanceOf(EnterpriseDataException.class).hasMessageContaining("value").hasMessageContaining("应为数字");
        assertThatThrownBy(() -> parse("""
                {"profile": {"uscc": "91350102MA2XY1003H"}, "facts": [{"indicator": "electricity_kwh", "period": "2024-02", "value": "5万元"}]}
                """)).isInstanceOf(EnterpriseDataException.class).hasMessageContaining("单位应为 千瓦时");
        assertThatThrownBy(() -> parse("{\"profile\": {\"uscc\": \"91350102MA2XY1003H\", \"attributes\": {\"above_scale_industrial\": \"也许\"}}}"))
                .isInstanceOf(EnterpriseDataException.class).hasMessageContaining("true/false");
    }

    @Test
    void missingValueIsNotZero() {
        assertThatThrownBy(() -> parse("""
                {"profile": {"uscc": "91350102MA2XY1003H"}, "facts": [{"indicator": "electricity_kwh", "period": "2024-02", "value": null}]}
                """)).isInstanceOf(EnterpriseDataException.class).hasMessageContaining("缺失不等于 0");
    }

    @Test
    void missingUsccAndWrongShape() {
        assertThatThrownBy(() -> parse("{\"profile\": {\"name\": \"甲\"}}")).hasMessageContaining("uscc");
        assertThatThrownBy(() -> parse("[1,2]")).hasMessageContaining("JSON 对象");
        assertThatThrownBy(() -> parse("{\"profile\": {\"uscc\": \"91350102MA2XY1003H\"}, \"facts\": {}}")).hasMessageContaining("facts 应为数组");
    }

    @Test
    void anInvalidCreditCodeIsRejectedLikeTheImporterDoes() {
        assertThatThrownBy(() -> parse("{\"profile\": {\"uscc\": \"91350102MA2XY1003J\"}}"))
                .isInstanceOf(EnterpriseDataException.class)
                .hasMessageContaining("profile.uscc '91350102MA2XY1003J' 不是有效的统一社会信用代码");
        assertThatThrownBy(() -> parse("{\"profile\": {\"uscc\": \"U1\"}}"))
                .hasMessageContaining("不是有效的统一社会信用代码");
    }
}
