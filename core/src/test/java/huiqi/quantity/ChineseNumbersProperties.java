package huiqi.quantity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ChineseNumbersProperties {

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000000")).ofScale(4)
                .map(BigDecimal::stripTrailingZeros);
    }

    @Provide
    Arbitrary<String> units() {
        return Arbitraries.of("", "元", "万元", "亿元", "千瓦时", "万千瓦时", "元/千瓦时", "头", "亩", "万亩", "个", "%", "美元");
    }

    @Property
    void wanMultipliesByTenThousand(@ForAll("decimals") BigDecimal n) {
        Quantity q = ChineseNumbers.parseQuantity(n.toPlainString() + "万").orElseThrow();
        assertThat(q.value()).isEqualByComparingTo(n.multiply(BigDecimal.valueOf(10_000)));
        assertThat(q.unit()).isEmpty();
    }

    @Property
    void yiMultipliesByHundredMillion(@ForAll("decimals") BigDecimal n) {
        Quantity q = ChineseNumbers.parseQuantity(n.toPlainString() + " 亿元").orElseThrow();
        assertThat(q.value()).isEqualByComparingTo(n.multiply(BigDecimal.valueOf(100_000_000)));
        assertThat(q.unit()).isEqualTo("元");
    }

    @Property
    void plainNumbersReadExactlyWithTheirUnit(@ForAll("decimals") BigDecimal n, @ForAll("units") String unit) {
        Quantity q = ChineseNumbers.parseQuantity(n.toPlainString() + unit).orElseThrow();
        BigDecimal expected = unit.startsWith("万") ? n.multiply(BigDecimal.valueOf(10_000))
                : unit.startsWith("亿") ? n.multiply(BigDecimal.valueOf(100_000_000)) : n;
        assertThat(q.value()).isEqualByComparingTo(expected);
        assertThat(q.unit()).isEqualTo(unit.replaceFirst("^[万亿]", ""));
    }

    @Property
    void fullWidthReadsLikeHalfWidth(@ForAll("decimals") BigDecimal n, @ForAll("units") String unit) {
        String half = n.toPlainString() + unit;
        assertThat(ChineseNumbers.parseQuantity(toFullWidth(half))).isEqualTo(ChineseNumbers.parseQuantity(half));
    }

    @Property(tries = 2000)
    void neverThrowsOnArbitraryStrings(@ForAll String s) {
        Optional<Quantity> q = ChineseNumbers.parseQuantity(s);
        q.ifPresent(x -> assertThat(x.value()).isNotNull());
    }

    @Property(tries = 2000)
    void neverThrowsOnNumberLikeStrings(@ForAll("numberLike") String s) {
        Optional<Quantity> q = ChineseNumbers.parseQuantity(s);
        q.ifPresent(x -> assertThat(x.unit()).isNotNull());
    }

    @Provide
    Arbitrary<String> numberLike() {
        return Arbitraries.strings().withChars("0123456789.,，．０１２万亿千百十零一二两三九百分之%％元 　")
                .ofMaxLength(30);
    }

    @Property
    void percentInWordsEqualsDigits(@ForAll("smallInts") int n) {
        assertThat(ChineseNumbers.parseQuantity("百分之" + chinese(n)))
                .contains(new Quantity(BigDecimal.valueOf(n), "%"));
    }

    @Provide
    Arbitrary<Integer> smallInts() {
        return Arbitraries.integers().between(1, 99);
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
