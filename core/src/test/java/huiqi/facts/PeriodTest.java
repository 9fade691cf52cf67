package huiqi.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {
    @Test
    void parsesEveryForm() {
        assertThat(Period.parse("2024-02").days()).isEqualTo(29);
        assertThat(Period.parse("2024-Q1").end()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(Period.parse("2023").previousYear().toString()).isEqualTo("2022");
        assertThat(Period.parse("2024-02-01..2024-02-29").months()).hasSize(1);
        assertThat(Period.parse("2024-Q1").contains(Period.parse("2024-02"))).isTrue();
        assertThat(Period.parse("2024-Q1").previousYear().toString()).isEqualTo("2023-Q1");
    }

    @Test
    void rejectsMalformed() {
        assertThatThrownBy(() -> Period.parse("2024-13")).hasMessageContaining("期间格式错误");
        assertThatThrownBy(() -> Period.parse("Q1-2024")).hasMessageContaining("期间格式错误");
        assertThatThrownBy(() -> Period.parse("2024-03-01..2024-02-01")).hasMessageContaining("区间");
    }
}
