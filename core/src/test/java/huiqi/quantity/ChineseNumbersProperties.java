package huiqi.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ChineseNumbersProperties {

    /** 0 to 100,000,000 with up to 4 decimals, trailing zeros stripped. */
    static Gen<BigDecimal> decimals() {
        return longs().between(0, 1_000_000_000_000L).map(u -> BigDecimal.valueOf(u, 4).stripTrailingZeros());
    }

    static Gen<String> units() {
        return arbitrary().pick("", "元", "万元", "亿元", "千瓦时", "万千瓦时", "元/千瓦时", "头", "亩", "万亩", "个", "%", "美元");
    }

    @Test
    void wanMultipliesByTenThousand() {
        qt().withExamples(1000).forAll(decimals()).checkAssert(n -> {
            Quantity q = ChineseNumbers.parseQuantity(n.toPlainString() + "万").orElseThrow();
            assertThat(q.value()).isEqualByComparingTo(n.multiply(BigDecimal.valueOf(10_000)));
            assertThat(q.unit()).isEmpty();
        });
    }

    @Test
    void yiMultipliesByHundredMillion() {
        qt().withExamples(1000).forAll(decimals()).checkAssert(n -> {
            Quantity q = ChineseNumbers.parseQuantity(n.toPlainString() + " 亿元").orElseThrow();
            assertThat(q.value()).isEqualByComparingTo(n.multiply(BigDecimal.valueOf(100_000_000)));
            assertThat(q.unit()).isEqualTo("元");
        });
    }

    @Test
    void plainNumbersReadExactlyWithTheirUnit() {
        qt().withExamples(1000).forAll(decimals(), units()).checkAssert((n, unit) -> {
            Quantity q = ChineseNumbers.parseQuantity(n.toPlainString() + unit).orElseThrow();
            BigDecimal expected = unit.startsWith("万") ? n.multiply(BigDecimal.valueOf(10_000))
                    : unit.startsWith("亿") ? n.multiply(BigDecimal.valueOf(100_000_000)) : n;
            assertThat(q.value()).isEqualByComparingTo(expected);
            assertThat(q.unit()).isEqualTo(unit.replaceFirst("^[万亿]", ""));
        });
    }

    @Test
    void fullWidthReadsLikeHalfWidth() {
        qt().withExamples(1000).forAll(decimals(), units()).checkAssert((n, unit) -> {
            String half = n.toPlainString() + unit;
            assertThat(ChineseNumbers.parseQuantity(toFullWidth(half))).isEqualTo(ChineseNumbers.parseQuantity(half));
        });
    }

    @Test
    void neverThrowsOnArbitraryStrings() {
        qt().withExamples(2000).forAll(strings().allPossible().ofLengthBetween(0, 255)).checkAssert(s -> {
            Optional<Quantity> q = ChineseNumbers.parseQuantity(s);
            q.ifPresent(x -> assertThat(x.value()).isNotNull());
        });
    }

    @Test
    void neverThrowsOnNumberLikeStrings() {
        qt().withExamples(2000).forAll(numberLike()).checkAssert(s -> {
            Optional<Quantity> q = ChineseNumbers.parseQuantity(s);
            q.ifPresent(x -> assertThat(x.unit()).isNotNull());
        });
    }

    /** Up to 30 characters drawn from digits, separators, multipliers and units, half- and full-width. */
    static Gen<String> numberLike() {
        String chars = "0123456789.,，．０１２万亿千百十零一二两三九百分之%％元 　";
        return lists().of(integers().between(0, chars.length() - 1).map(chars::charAt)).ofSizeBetween(0, 30)
                .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    @Test
    void percentInWordsEqualsDigits() {
        qt().withExamples(1000).forAll(integers().between(1, 99)).checkAssert(n ->
                assertThat(ChineseNumbers.parseQuantity("百分之" + chinese(n)))
                        .contains(new Quantity(BigDecimal.valueOf(n), "%")));
    }

    /** 1..99 in Chinese numerals: 五, 十二, 三十, 九十九. */
    static String chinese(int n) {
        String d = "零一二三四五六七八九";
        if (n < 10) {
            return String.valueOf(d.charAt(n));
        }
        String tens = n / 10 == 1 ? "十" : d.charAt(n / 10) + "十";
        return n % 10 == 0 ? tens : tens + d.charAt(n % 10);
    }

    static String toFullWidth(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c);
        }
        return b.toString();
    }
}
