package huiqi.web.rules.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RuleValuesTest {
    private final RuleValues values = new RuleValues();

    @Test
    void baseUnitValuesAreShownInTheOfficersUnits() {
        assertThat(values.human(new BigDecimal("50000000"), "元")).isEqualTo("5,000万元");
        assertThat(values.human(new BigDecimal("0.5"), "无量纲")).isEqualTo("50%");
        assertThat(values.human(new BigDecimal("0.03"), "元/千瓦时")).isEqualTo("0.03元/千瓦时");
        assertThat(values.human(new BigDecimal("500000"), "千瓦时")).isEqualTo("50万千瓦时");
        assertThat(values.from(LocalDate.of(2024, 1, 10))).isEqualTo("2024-01-10 起 ");
        assertThat(values.from(LocalDate.MIN)).isEmpty();
    }
}
