package huiqi.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** English constants, the Chinese label everywhere it is stored or shown, and parse() reading either. */
class CaseEnumsTest {
    @Test
    void everyStateActionAndKindReadsBackFromItsLabelAndItsName() {
        for (CaseState s : CaseState.values()) {
            assertThat(CaseState.parse(s.label())).isSameAs(s);
            assertThat(CaseState.parse(s.name())).isSameAs(s);
            assertThat(s.toString()).isEqualTo(s.label()).containsPattern("^\\p{IsHan}+$");
        }
        for (CaseAction a : CaseAction.values()) {
            assertThat(CaseAction.parse(a.label())).isSameAs(a);
            assertThat(CaseAction.parse(a.name())).isSameAs(a);
            assertThat(a.label()).containsPattern("^\\p{IsHan}+$");
        }
        for (CaseKind k : CaseKind.values()) {
            assertThat(CaseKind.parse(k.label())).isSameAs(k);
            assertThat(CaseKind.parse(k.name())).isSameAs(k);
        }
    }

    @Test
    void theLabelsAreTheOnesTheDatabaseAndItsTriggersCompare() {
        assertThat(CaseState.PAID.label()).isEqualTo("已兑现");
        assertThat(CaseState.AWAITING_PAYMENT.label()).isEqualTo("财政拨付");
        assertThat(CaseState.PENDING_PUSH.label()).isEqualTo("待推送");
        assertThat(CaseAction.PAY.label()).isEqualTo("拨付");
        assertThat(CaseKind.CORRECTION.label()).isEqualTo("冲正");
    }

    @Test
    void unknownTextIsRefusedInChinese() {
        assertThatThrownBy(() -> CaseState.parse("paid")).hasMessageContaining("未知的兑现状态");
        assertThatThrownBy(() -> CaseAction.parse("付款")).hasMessageContaining("未知的操作");
        assertThatThrownBy(() -> CaseKind.parse(null)).hasMessageContaining("未知的事项类型");
    }
}
