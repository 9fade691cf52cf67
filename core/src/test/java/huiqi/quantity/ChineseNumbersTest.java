package huiqi.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "50万, 500000, ''",
            "1.5 万千瓦时, 15000, 千瓦时",
            "3亿元, 300000000, 元",
            "18.3 万亩, 183000, 亩",
            "百分之五, 5, %",
            "50%, 50, %",
            "０.０２元/千瓦时, 0.02, 元/千瓦时",
            "二十五, 25, ''",
            "一百二十个, 120, 个",
            "十, 10, ''",
            "两万, 20000, ''",
            "5000万元, 50000000, 元",
            "1.5千瓦时, 1.5, 千瓦时",
            "200 个, 200, 个",
            "10.8万头, 108000, 头",
    })
    void parsesQuantities(String text, String value, String unit) {
        Quantity q = ChineseNumbers.parseQuantity(text).orElseThrow();
        assertThat(q.value()).isEqualByComparingTo(new BigDecimal(value));
        assertThat(q.unit()).isEqualTo(unit);
    }

    @Test
    void rejectsNonNumbers() {
        assertThat(ChineseNumbers.parseQuantity("元")).isEmpty();
        assertThat(ChineseNumbers.parseQuantity("")).isEmpty();
        assertThatThrownBy(() -> ChineseNumbers.parseNumber("50万元")).isInstanceOf(NumberFormatException.class);
    }

    @ParameterizedTest
    @CsvSource({"1,一", "9,九", "10,十", "12,十二", "20,二十", "35,三十五", "100,一百", "105,一百零五", "110,一百一十", "999,九百九十九"})
    void ordinalsAreWrittenAsInOutlines(int n, String written) {
        assertThat(ChineseNumbers.ordinal(n)).isEqualTo(written);
    }

    @Test
    void everyOrdinalReadsBackAsItsNumber() {
        for (int n = 1; n < 1000; n++) {
            assertThat(ChineseNumbers.parseNumber(ChineseNumbers.ordinal(n))).as("%d", n).isEqualByComparingTo(BigDecimal.valueOf(n));
        }
    }
}
