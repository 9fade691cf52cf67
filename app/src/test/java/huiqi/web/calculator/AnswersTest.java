package huiqi.web.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The calculator's answers: read as profile and facts; blank or unreadable answers stay unknown. */
class AnswersTest {
    @Test
    void answersBecomeAttributesAndFactsAndBadOnesStayUnknown() throws Exception {
        IndicatorCatalog catalog = IndicatorCatalog.load(Path.of("..", "indicators.yaml"));
        Answers a = Answers.read(Map.of("region", "350102", "industry", "c3311", "size", "中型",
                "a:above_scale_industrial", "是", "f:electricity_kwh[2024-02]", "750,000",
                "a:manufacturing", "也许", "f:electricity_kwh[2024-03]", "很多", "a:no_such_thing", "是"), catalog);
        assertThat(a.profile().regionCode()).isEqualTo("350102");
        assertThat(a.profile().industryCode()).isEqualTo("C3311");
        assertThat(a.profile().attributes()).containsEntry("above_scale_industrial", true)
                .doesNotContainKey("manufacturing").doesNotContainKey("no_such_thing");
        assertThat(a.facts().get("electricity_kwh", Period.parse("2024-02")).orElseThrow().value())
                .isEqualByComparingTo("750000");
        assertThat(a.facts().get("electricity_kwh", Period.parse("2024-03"))).isEmpty();
        assertThat(a.unreadable()).containsExactlyInAnyOrder("a:manufacturing", "f:electricity_kwh[2024-03]");
    }
}
