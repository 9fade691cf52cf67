package huiqi.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BearerPartsTest {
    private static BearerPart part(String name, String amount, String... items) {
        return new BearerPart("出租方", name, new BigDecimal(amount), "租赁合同", List.of(items));
    }

    @Test
    void aFirstPaymentCarriesTheBenefitsParts() {
        List<BearerPart> benefit = List.of(part("黄石市城投", "1200.50", "L1", "L2"), part("某置业", "300.01", "L3"));
        assertThat(BearerParts.ofCase(benefit, List.of(), new BigDecimal("1500.51"))).isEqualTo(benefit);
    }

    @Test
    void partsThatDoNotAddUpToTheCaseAmountAreRefused() {
        List<BearerPart> benefit = List.of(part("黄石市城投", "1200.50", "L1"), part("某置业", "300.01", "L3"));
        assertThatThrownBy(() -> BearerParts.ofCase(benefit, List.of(), new BigDecimal("1500.50")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1500.51").hasMessageContaining("1500.50");
    }

    @Test
    void aTopUpCarriesEachBearersDifferenceAndLeavesOutBearersWithNothingMore() {
        List<BearerPart> paid = List.of(part("黄石市城投", "1200.50", "L1"), part("某置业", "300.01", "L3"));
        List<BearerPart> now = List.of(part("黄石市城投", "1200.50", "L1"), part("某置业", "400.01", "L3", "L4"));
        assertThat(BearerParts.ofCase(now, List.of(paid), new BigDecimal("100.00")))
                .containsExactly(part("某置业", "100.00", "L3", "L4"));
    }

    @Test
    void aCorrectionNamesABearerNoLongerInTheBenefitWithTheItemsItWasPaidFor() {
        List<BearerPart> paid = List.of(part("黄石市城投", "1200.50", "L1"), part("某置业", "300.01", "L3"));
        List<BearerPart> now = List.of(part("黄石市城投", "1200.50", "L1"));
        assertThat(BearerParts.ofCase(now, List.of(paid), new BigDecimal("-300.01")))
                .containsExactly(part("某置业", "-300.01", "L3"));
    }

    @Test
    void noPartsWhenTheRuleHasNoBearersOrAPaidCaseKeptNone() {
        assertThat(BearerParts.ofCase(List.of(), List.of(), new BigDecimal("10"))).isEmpty();
        List<BearerPart> now = List.of(part("黄石市城投", "1300.50", "L1"));
        assertThat(BearerParts.ofCase(now, List.of(List.of()), new BigDecimal("100"))).isEmpty();
    }
}
