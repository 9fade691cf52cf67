package huiqi.web.rules.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorCompletionTest {
    private final IndicatorCompletion completion = new IndicatorCompletion(EditorFixtures.CATALOG);

    @Test
    void chineseWordsFindTheIndicatorByNameOrSynonym() {
        List<IndicatorCompletion.Offer> offers = completion.complete("规上工业", List.of());
        assertThat(offers.get(0).id()).isEqualTo("above_scale_industrial");
        assertThat(offers.get(0).name()).isEqualTo("规模以上工业企业");
        assertThat(completion.complete("用电量", List.of())).extracting(IndicatorCompletion.Offer::id).contains("electricity_kwh");
        assertThat(completion.complete("小规模纳税人", List.of()).get(0).id()).isEqualTo("small_scale_vat_taxpayer");
    }

    @Test
    void theStartOfAnIdFindsIt() {
        assertThat(completion.complete("electr", List.of()).get(0).id()).isEqualTo("electricity_kwh");
        assertThat(completion.complete("electr", List.of()).get(0).kind()).isEqualTo("指标");
    }

    @Test
    void nothingForEmptyOrUnknownWords() {
        assertThat(completion.complete("", List.of())).isEmpty();
        assertThat(completion.complete("火星", List.of())).isEmpty();
    }
}
