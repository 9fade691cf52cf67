package huiqi.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndustryCodeTest {
    @Test
    void canonicalFormCarriesTheSectionLetter() {
        assertThat(IndustryCode.normalize("3311")).contains("C3311");
        assertThat(IndustryCode.normalize("c13")).contains("C13");
        assertThat(IndustryCode.normalize("F5123")).contains("F5123");
        assertThat(IndustryCode.normalize("G")).contains("G");
        assertThat(IndustryCode.normalize("4411")).contains("D4411");
        assertThat(IndustryCode.normalize("9700")).contains("T9700");
    }

    @Test
    void rejectsCodesWhoseLetterDoesNotOwnTheDivision() {
        assertThat(IndustryCode.normalize("F3311")).isEmpty();
        assertThat(IndustryCode.normalize("C99")).isEmpty();
        assertThat(IndustryCode.normalize("00")).isEmpty();
        assertThat(IndustryCode.normalize("C33111")).isEmpty();
        assertThat(IndustryCode.normalize("Z")).isEmpty();
    }

    @Test
    void sectionBoundaries() {
        assertThat(IndustryCode.section(5)).contains('A');
        assertThat(IndustryCode.section(6)).contains('B');
        assertThat(IndustryCode.section(43)).contains('C');
        assertThat(IndustryCode.section(70)).contains('K');
        assertThat(IndustryCode.section(96)).contains('S');
        assertThat(IndustryCode.section(98)).isEmpty();
    }
}
