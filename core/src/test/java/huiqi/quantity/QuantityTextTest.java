package huiqi.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTextTest {
    static final Expectation AMOUNT = Expectation.quantity("数量");
    static final Expectation MONEY = Expectation.money("金额");

    @BeforeAll
    static void warmUp() {
        // class loading and regex compilation are not what the timings below measure
        QuantityText.measured("1.5e3万元", AMOUNT);
        QuantityText.check(BigDecimal.ONE, AMOUNT);
    }

    @Test
    void readsWhatUsersType() {
        assertThat(QuantityText.number("12.5", AMOUNT)).isEqualByComparingTo("12.5");
        assertThat(QuantityText.number("1,234.5", AMOUNT)).isEqualByComparingTo("1234.5");
        assertThat(QuantityText.number("1，234", AMOUNT)).isEqualByComparingTo("1234");
        assertThat(QuantityText.number("50万", AMOUNT)).isEqualByComparingTo("500000");
        assertThat(QuantityText.number("二十", AMOUNT)).isEqualByComparingTo("20");
        assertThat(QuantityText.number("５０万", AMOUNT)).isEqualByComparingTo("500000");
        assertThat(QuantityText.number(" 1.5e3 ", AMOUNT)).isEqualByComparingTo("1500");
        assertThat(QuantityText.number("2E-3", AMOUNT)).isEqualByComparingTo("0.002");
        assertThat(QuantityText.parse("3亿元", AMOUNT)).isEqualTo(new Quantity(new BigDecimal("300000000"), "元"));
        assertThat(QuantityText.parse("百分之五", AMOUNT)).isEqualTo(new Quantity(new BigDecimal("5"), "%"));
        assertThat(QuantityText.measured("5%", AMOUNT)).isEqualTo(new QuantityText.Measured(new BigDecimal("0.05"), Unit.NONE));
        assertThat(QuantityText.measured("0.03元/千瓦时", AMOUNT).unit()).isEqualTo(Units.YUAN.per(Units.KWH));
        assertThat(QuantityText.measured("40万千瓦时", AMOUNT).value()).isEqualByComparingTo("400000");
        assertThat(QuantityText.yuan("500万元", MONEY)).isEqualByComparingTo("5000000");
        assertThat(QuantityText.yuan("0.0001万元", MONEY)).isEqualByComparingTo("1");
        assertThat(QuantityText.yuan("12.30", MONEY)).isEqualByComparingTo("12.3");
        assertThat(QuantityText.number("-3.5", AMOUNT.allowingNegative())).isEqualByComparingTo("-3.5");
        assertThat(QuantityText.number("0", AMOUNT)).isEqualByComparingTo("0");
        assertThat(QuantityText.check(new BigDecimal("1.500"), MONEY)).isEqualByComparingTo("1.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e1000", "1e1000000", "1E+1000000", "1e-1000000", "9.9e999999999", "12345678901234567890",
            "1234567890123456789", "100000000000亿", "0.0000001"})
    void refusesOutOfRangeAtOnceInChinese(String text) {
        assertThatThrownBy(() -> QuantityText.number(text, AMOUNT)).isInstanceOf(QuantityTextException.class)
                .hasMessageContaining("数量").hasMessageContaining("超出范围");
        assertThat(fastestMillis(() -> QuantityText.number(text, AMOUNT))).as("ms").isLessThan(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e1000", "1e1000000", "-1e1000000", "1e-1000000", "12345678901234567890"})
    void refusesOutOfRangeNumbersAlreadyParsedAtOnce(String text) {
        BigDecimal parsed = new BigDecimal(text); // as Jackson hands over a JSON number: cheap, nothing expanded
        assertThatThrownBy(() -> QuantityText.check(parsed, AMOUNT.allowingNegative())).isInstanceOf(QuantityTextException.class)
                .hasMessageContaining("超出范围");
        assertThat(fastestMillis(() -> QuantityText.check(parsed, AMOUNT.allowingNegative()))).as("ms").isLessThan(100);
    }

    @Test
    void moneyStopsAtTheFen() {
        assertThatThrownBy(() -> QuantityText.yuan("0.004", MONEY)).isInstanceOf(QuantityTextException.class)
                .hasMessage("金额 '0.004' 最多到分（小数最多 2 位）");
        assertThatThrownBy(() -> QuantityText.check(new BigDecimal("0.004"), MONEY)).hasMessageContaining("最多到分");
        assertThat(QuantityText.yuan("0.01", MONEY)).isEqualByComparingTo("0.01");
    }

    @Test
    void explainsEveryOtherRefusalInChinese() {
        assertThatThrownBy(() -> QuantityText.number("-3", AMOUNT)).hasMessage("数量须为不小于 0 的数字，不能为负：'-3'");
        assertThatThrownBy(() -> QuantityText.number("很多", AMOUNT)).hasMessage("数量应为数字（如 12.5、50万、3亿元），实为 '很多'");
        assertThatThrownBy(() -> QuantityText.number(" ", AMOUNT)).hasMessage("数量为空");
        assertThatThrownBy(() -> QuantityText.number("5元", AMOUNT)).hasMessage("数量应为数字，不带单位，实为 '5元'");
        assertThatThrownBy(() -> QuantityText.measured("5斤", AMOUNT)).hasMessageStartingWith("数量 '5斤' 的单位 '斤' 无法识别");
        assertThatThrownBy(() -> QuantityText.yuan("5千瓦时", MONEY)).hasMessageStartingWith("金额应为元");
        assertThatThrownBy(() -> QuantityText.number("1".repeat(10_000), AMOUNT)).hasMessageContaining("过长");
        assertThatThrownBy(() -> QuantityText.number("1.5e", AMOUNT)).hasMessageContaining("应为数字");
    }

    @Test
    void theCallerChoosesTheDigits() {
        Expectation budget = MONEY.withDigits(16, 2);
        assertThat(QuantityText.yuan("9999999999999999.99", budget)).isEqualByComparingTo("9999999999999999.99");
        assertThatThrownBy(() -> QuantityText.yuan("10000000000000000", budget)).hasMessageContaining("整数部分最多 16 位");
        assertThat(QuantityText.number("999999999999999999", AMOUNT)).isEqualByComparingTo("999999999999999999");
        assertThat(QuantityText.number("0.000001", AMOUNT)).isEqualByComparingTo("0.000001");
    }

    @Test
    void everyValueInRangeReadsBackExactly() {
        qt().withExamples(2000).forAll(longs().all(), integers().between(0, 6), integers().between(0, 1))
                .checkAssert((unscaled, scale, sign) -> {
                    BigDecimal v = BigDecimal.valueOf(Math.abs(unscaled % 1_000_000_000_000_000L), scale);
                    v = sign == 1 ? v.negate() : v;
                    assertThat(QuantityText.number(v.toPlainString(), AMOUNT.allowingNegative())).isEqualByComparingTo(v);
                    assertThat(QuantityText.number(v.toString(), AMOUNT.allowingNegative())).isEqualByComparingTo(v);
                });
    }

    @Test
    void anyTextIsAnsweredQuicklyWithAValueOrAChineseRefusal() {
        String alphabet = "0123456789.,eE+-万亿千百十一二%元/千瓦时 ";
        qt().withExamples(3000).forAll(strings().betweenCodePoints(0, 0x10FFFF).ofLengthBetween(0, 80).mix(
                        integers().between(0, 40).map(n -> {
                            StringBuilder b = new StringBuilder();
                            for (int i = 0; i < n; i++) {
                                b.append(alphabet.charAt((i * 7 + n * 13) % alphabet.length()));
                            }
                            return b.toString();
                        })))
                .checkAssert(s -> {
                    try {
                        BigDecimal v = QuantityText.measured(s, AMOUNT.allowingNegative()).value();
                        assertThat(v.precision() - v.scale()).isLessThanOrEqualTo(18);
                        assertThat(v.scale()).isLessThanOrEqualTo(6);
                    } catch (QuantityTextException e) {
                        assertThat(e.getMessage()).startsWith("数量");
                    }
                    assertThat(fastestMillis(() -> QuantityText.measured(s, AMOUNT.allowingNegative()))).as("ms").isLessThan(100);
                });
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
