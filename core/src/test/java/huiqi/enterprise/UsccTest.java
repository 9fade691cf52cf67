package huiqi.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class UsccTest {

    @Test
    void acceptsPublishedCodesOfRealCompanies() {
        // 华为技术有限公司, 腾讯科技（深圳）有限公司 — codes as printed on their business licences
        assertThat(Uscc.problem("914403001922038216")).isEmpty();
        assertThat(Uscc.problem("9144030071526726XG")).isEmpty();
    }

    @Test
    void explainsEachKindOfError() {
        assertThat(Uscc.problem("91440300192203821")).hasValueSatisfying(m -> assertThat(m).contains("18位"));
        assertThat(Uscc.problem("91440300192203821I")).hasValueSatisfying(m -> assertThat(m).contains("第18位字符"));
        assertThat(Uscc.problem("914403001922038217")).hasValueSatisfying(m -> assertThat(m).contains("校验码错误").contains("'6'"));
        assertThat(Uscc.problem("B14403001922038216")).hasValueSatisfying(m -> assertThat(m).contains("登记管理部门码"));
        assertThat(Uscc.problem("954403001922038216")).hasValueSatisfying(m -> assertThat(m).contains("机构类别码"));
        assertThat(Uscc.problem("919903001922038216")).hasValueSatisfying(m -> assertThat(m).contains("行政区划"));
        assertThat(Uscc.problem("")).isPresent();
        assertThat(Uscc.problem(null)).isPresent();
    }

    @Test
    void regionPlausibility() {
        assertThat(Uscc.isPlausibleRegion("350102")).isTrue();   // 福州市鼓楼区
        assertThat(Uscc.isPlausibleRegion("350000")).isTrue();   // 福建省
        assertThat(Uscc.isPlausibleRegion("100000")).isTrue();   // 国家级登记机关
        assertThat(Uscc.isPlausibleRegion("350012")).isFalse();
        assertThat(Uscc.isPlausibleRegion("990102")).isFalse();
        assertThat(Uscc.isPlausibleRegion("35010")).isFalse();
    }

    @Test
    void everyGeneratedCodeValidates() {
        qt().withExamples(1000).forAll(codes()).checkAssert(code -> {
            assertThat(Uscc.problem(code)).isEmpty();
            assertThat(code).hasSize(18).startsWith("91");
        });
    }

    @Test
    void anySingleCharacterChangeIsDetected() {
        qt().withExamples(1000).forAll(codes(), integers().between(0, 17), anyChar())
                .assuming((code, position, replacement) -> replacement != code.charAt(position))
                .checkAssert((code, position, replacement) -> {
                    String changed = code.substring(0, position) + replacement + code.substring(position + 1);
                    assertThat(Uscc.isValid(changed)).as("%s → %s", code, changed).isFalse();
                });
    }

    @Test
    void anySubstitutionWithinTheCharsetBreaksTheCheckDigit() {
        qt().withExamples(1000).forAll(codes(), integers().between(0, 17), integers().between(1, 30))
                .checkAssert((code, position, shift) -> {
                    char c = Uscc.CHARSET.charAt((Uscc.CHARSET.indexOf(code.charAt(position)) + shift) % 31);
                    String changed = code.substring(0, position) + c + code.substring(position + 1);
                    assertThat(Uscc.checkChar(changed.substring(0, 17)) == changed.charAt(17)).isFalse();
                });
    }

    /** Any UTF-16 code unit, surrogates included. */
    private static Gen<Character> anyChar() {
        return integers().between(Character.MIN_VALUE, Character.MAX_VALUE).map(i -> (char) i.intValue());
    }

    private static Gen<String> codes() {
        Gen<String> regions = arbitrary().pick("350102", "350103", "350104", "350105", "350111", "350121",
                "350181", "350502", "350503", "350521", "350582", "350583", "110105", "440300");
        return longs().all().zip(regions, (seed, r) -> Uscc.generate(new SplittableRandom(seed), r));
    }
}
