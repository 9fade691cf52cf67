package huiqi.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PayerLevelTest {

    @Test
    void payerLevelsAreLevelsOfGovernmentOrOutsideIt() {
        assertThat(PayerLevel.labels()).containsExactly("中央", "省级", "市级", "区级", "县级", "企业", "其他");
        assertThat(PayerLevel.parse("市级")).contains(new PayerLevel(Optional.of(Level.CITY), "市级"));
        assertThat(PayerLevel.parse("区级").flatMap(PayerLevel::government)).contains(Level.COUNTY);
        assertThat(PayerLevel.parse("县级").flatMap(PayerLevel::government)).contains(Level.COUNTY);
        assertThat(PayerLevel.parse("中央").flatMap(PayerLevel::government)).contains(Level.CENTRAL);
        assertThat(PayerLevel.parse("企业")).hasValueSatisfying(p -> assertThat(p.government()).isEmpty());
        assertThat(PayerLevel.parse("市")).isEmpty();
        assertThat(PayerLevel.parse("园区")).isEmpty();
        assertThatThrownBy(() -> new PayerLevel(Optional.of(Level.CITY), "省级")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void documentLevelsKeepTheirLabels() {
        assertThat(Level.ofLabel("县区")).isEqualTo(Level.COUNTY);
        assertThat(Level.CITY.label()).isEqualTo("市");
        assertThat(Level.PARK.payerLabels()).isEmpty();
    }
}
