package huiqi.web.rules.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuantitiesTest {
    @Test
    void valuesReadAsAnOfficerWritesThem() {
        assertThat(Quantities.human("5000万元")).hasValue("5,000万元");
        assertThat(Quantities.human("50000000元")).hasValue("5,000万元");
        assertThat(Quantities.human("50%")).hasValue("50%");
        assertThat(Quantities.human("0.5")).hasValue("50%");
        assertThat(Quantities.human("0.03元/千瓦时")).hasValue("0.03元/千瓦时");
        assertThat(Quantities.human("20万元")).hasValue("20万元");
        assertThat(Quantities.human("49.99万千瓦时")).hasValue("49.99万千瓦时");
        assertThat(Quantities.human("3亿元")).hasValue("3亿元");
        assertThat(Quantities.human("8000元")).hasValue("8,000元");
        assertThat(Quantities.human("-3万元")).hasValue("-3万元");
        assertThat(Quantities.human("feb_kwh * rate")).isEmpty();
    }
}
