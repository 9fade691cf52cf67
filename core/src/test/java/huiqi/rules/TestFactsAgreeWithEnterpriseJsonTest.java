package huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.enterprise.EnterpriseDataException;
import huiqi.enterprise.EnterpriseJson;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.FactValue;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleLoadException;
import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A fact written in a rule's example test and the same fact in enterprise JSON are accepted or rejected alike,
 * with the same period and value, or the same reason.
 */
class TestFactsAgreeWithEnterpriseJsonTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "electricity_kwh | 2024-02            | 60万千瓦时",
            "electricity_kwh | 2024-01..2024-03   | 600000",
            "electricity_kwh | 2024-Q1            | -3",
            "electricity_kwh | 2024-02-01..2024-02-29 | 1千瓦时",
            "electricity_kwh | 2024-02-03         | 1",
            "electricity_kwh | 2024-13            | 1",
            "electricity_kwh | 2024-01..2024-13   | 1",
            "electricity_kwh | 2024-02            | 5元",
            "electricity_kwh | 2024-02            | abc",
            "output          | 2024-01..2024-02   | 1",
            "output          | 2024-01..2024-03   | 2万元",
            "water           | 2024-02            | 1",
    })
    void sameAnswer(String indicator, String period, String value) throws Exception {
        Object fromJson;
        try {
            EnterpriseRecord r = EnterpriseJson.parse("{\"profile\": {\"uscc\": \"91350102MA2XY1003H\"}, \"facts\": [{\"indicator\": \""
                    + indicator + "\", \"period\": \"" + period + "\", \"value\": \"" + value + "\"}]}", "e.json", RuleFixture.CATALOG);
            fromJson = only(r.facts().all(indicator));
        } catch (EnterpriseDataException e) {
            fromJson = reason(e.getMessage());
        }
        Object fromTest;
        try {
            RuleFile f = RuleFixture.load(tmp, RuleFixture.rule1("""
                        amount: 1元
                        tests:
                          - facts: { "%s[%s]": "%s" }
                            expect: 1
                    """.formatted(indicator, period, value)));
            fromTest = only(f.rules().get(0).tests().get(0).enterprise().facts().all(indicator));
        } catch (RuleLoadException e) {
            assertThat(e.problems()).hasSize(1);
            fromTest = reason(e.problems().get(0).message());
        }
        assertThat(fromTest).isEqualTo(fromJson);
    }

    private static String only(Collection<FactValue> facts) {
        assertThat(facts).hasSize(1);
        FactValue v = facts.iterator().next();
        return v.period() + " = " + v.value().stripTrailingZeros().toPlainString();
    }

    /** The reader's own words, without the place each format puts in front ("e.json: facts[0]… period: "). */
    private static String reason(String message) {
        int at = Math.max(message.indexOf("未知指标"), Math.max(message.indexOf("指标 "), message.indexOf("期间格式错误")));
        return "拒绝：" + (at < 0 ? message : message.substring(at));
    }
}
