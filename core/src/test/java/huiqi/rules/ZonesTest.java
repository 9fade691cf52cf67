package huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.enterprise.AttributeValues;
import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.AttributeType;
import huiqi.facts.FactValue;
import huiqi.facts.Facts;
import huiqi.facts.Granularity;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import huiqi.facts.Provenance;
import huiqi.policy.Zones;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.eval.TestRunner;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import huiqi.rules.file.RuleLoadException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule naming a 园区 (zone) applies to enterprises in it, not to the rest of the county its code names. */
class ZonesTest {
    static final IndicatorCatalog CATALOG = new IndicatorCatalog(List.of(
            new IndicatorCatalog.Indicator("electricity_kwh", "用电量", "千瓦时", Granularity.MONTH, "供电公司")),
            List.of(new IndicatorCatalog.Attribute("zone", "所在园区（功能区）", AttributeType.ZONE, "管委会")));

    @TempDir
    Path tmp;

    private RuleFile load(String zone) throws Exception {
        return new RuleFileLoader(CATALOG).load(RuleFixture.write(tmp, RuleFixture.header(1).replace("\"3501\"", "\"350521\"")
                + "zone: " + zone + "\n" + """
                rules:
                  - { id: test-1/1, measure: 1, title: 园区用电奖励, quote: 用电奖励, kind: 奖补, delivery: 申请,
                      payer: { level: 区级, department: 区财政局 }, amount: "electricity_kwh[2024-02] * 0.01元/千瓦时",
                      tests: [ { name: 园区内, facts: { "electricity_kwh[2024-02]": 100000千瓦时 }, expect: 1000 },
                               { name: 惠安县园区外, facts: { zone: 无, "electricity_kwh[2024-02]": 100000千瓦时 }, expect: { status: ineligible } },
                               { name: 园区未知, facts: { zone: ~, "electricity_kwh[2024-02]": 100000千瓦时 },
                                 expect: { status: undeterminable, missing: [zone] } } ] }
                """));
    }

    private static RuleResult eval(RuleFile f, String region, String zone) {
        Map<String, Object> attrs = new HashMap<>();
        if (zone != null) {
            attrs.put("zone", zone);
        }
        Facts facts = Facts.empty();
        facts.put(new FactValue("electricity_kwh", Period.parse("2024-02"), new BigDecimal("100000"), Provenance.of("测试")));
        EnterpriseRecord e = new EnterpriseRecord(new Enterprise("T", "测试企业", region, null, null, attrs), facts);
        return new Evaluator(CATALOG).evaluate(List.of(f), e, null, Overrides.NONE).results().get(0);
    }

    @Test
    void ruleAppliesInsideTheZoneOnly() throws Exception {
        RuleFile f = load("台商投资区"); // an alias: stored as the canonical name
        assertThat(f.rules().get(0).zone()).isEqualTo("泉州台商投资区");
        assertThat(TestRunner.run(f, new Evaluator(CATALOG))).allSatisfy(o -> assertThat(o.failures()).isEmpty());

        RuleResult inZone = eval(f, "350521", "泉州台商投资区");
        assertThat(inZone.amount()).isEqualByComparingTo("1000");
        assertThat(inZone.explanation()).contains("✓ 适用园区 泉州台商投资区：企业所在园区 泉州台商投资区");

        RuleResult huian = eval(f, "350521", "无");
        assertThat(huian.status()).isEqualTo(Status.INELIGIBLE);
        assertThat(huian.explanation()).contains("✗ 适用园区 泉州台商投资区：企业不在任何园区");
        assertThat(eval(f, "350521", "泉州经济技术开发区").status()).isEqualTo(Status.INELIGIBLE);

        RuleResult unknown = eval(f, "350521", null);
        assertThat(unknown.status()).isEqualTo(Status.UNDETERMINABLE);
        assertThat(unknown.missing()).containsExactly("zone");
        // outside the region the zone is not asked for
        RuleResult fuzhou = eval(f, "350102", null);
        assertThat(fuzhou.status()).isEqualTo(Status.INELIGIBLE);
        assertThat(fuzhou.missing()).isEmpty();
    }

    @Test
    void unknownZoneNamesAreRefused() {
        assertThatThrownBy(() -> load("台商区")).isInstanceOf(RuleLoadException.class)
                .hasMessageContaining("zone 应为园区或功能区名称");
        assertThat(AttributeValues.parse(AttributeType.ZONE, "台商投资区")).isEqualTo("泉州台商投资区");
        assertThat(AttributeValues.parse(AttributeType.ZONE, "无")).isEqualTo(Zones.NONE);
        assertThatThrownBy(() -> AttributeValues.parse(AttributeType.ZONE, "惠安县"))
                .hasMessageContaining("应为园区或功能区名称");
        assertThat(Zones.all()).contains("泉州台商投资区", "河北雄安新区", "福州新区").hasSizeGreaterThanOrEqualTo(30);
    }
}
