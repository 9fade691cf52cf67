package huiqi.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.facts.AttributeType;
import huiqi.facts.Granularity;
import huiqi.facts.IndicatorCatalog;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fact and attribute values go through the one bounded number reader, on every path (text, JSON number, JSON body). */
class FactTextBoundsTest {
    static final IndicatorCatalog.Indicator KWH = new IndicatorCatalog.Indicator("electricity_kwh", "用电量", "千瓦时",
            Granularity.MONTH, "供电公司");
    static final IndicatorCatalog.Attribute SCORE = new IndicatorCatalog.Attribute("score", "评分", AttributeType.NUMBER, "x");
    static final IndicatorCatalog CATALOG = new IndicatorCatalog(List.of(KWH), List.of(SCORE));

    @BeforeAll
    static void warmUp() {
        // class loading (Jackson, regexes) is not what is timed below
        EnterpriseJson.parse(json("1"), "请求体", CATALOG);
    }

    static String json(String value) {
        return "{\"profile\": {\"uscc\": \"91350102MA2XY1003H\"}, \"facts\": [{\"indicator\": \"electricity_kwh\", "
                + "\"period\": \"2024-02\", \"value\": " + value + "}]}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e1000", "1e1000000", "-1e1000000", "12345678901234567890", "1e-1000000"})
    void outOfRangeValuesAreRefusedAtOnce(String text) {
        assertThatThrownBy(() -> FactText.indicator(KWH, text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("指标 electricity_kwh（用电量）的值").hasMessageContaining("超出范围");
        assertThatThrownBy(() -> FactText.indicator(KWH, new BigDecimal(text))).hasMessageContaining("超出范围");
        assertThatThrownBy(() -> FactText.attribute(SCORE, text)).hasMessageContaining("属性 score（评分）").hasMessageContaining("超出范围");
        assertThatThrownBy(() -> EnterpriseJson.parse(json(text), "请求体", CATALOG)).isInstanceOf(EnterpriseDataException.class)
                .hasMessageContaining("超出范围");
        assertThat(fastestMillis(() -> FactText.indicator(KWH, text))).as("ms").isLessThan(100);
        assertThat(fastestMillis(() -> FactText.attribute(SCORE, text))).as("ms").isLessThan(100);
        assertThat(fastestMillis(() -> EnterpriseJson.parse(json(text), "请求体", CATALOG))).as("ms").isLessThan(100);
    }

    @Test
    void valuesInRangeKeepTheirSignAndUnits() {
        assertThat(FactText.indicator(KWH, "-52万千瓦时")).isEqualByComparingTo("-520000");
        assertThat(FactText.indicator(KWH, "1.5e3")).isEqualByComparingTo("1500");
        assertThat(FactText.indicator(KWH, new BigDecimal("-0.5"))).isEqualByComparingTo("-0.5");
        assertThat(FactText.attribute(SCORE, "-1,234.5")).isEqualTo(new BigDecimal("-1234.5"));
    }

    /** The fastest of three runs in ms: a CPU-bound expansion is slow every time, a scheduling hiccup is not. */
    static long fastestMillis(Runnable refusal) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            try {
                refusal.run();
            } catch (RuntimeException expected) {
                // the refusal is what is timed
            }
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
        }
        return best;
    }
}
