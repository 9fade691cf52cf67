package huiqi.fulfilment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Whatever the state, the action and the input: an enterprise can never act on another enterprise's case. */
class ForeignEnterpriseProperties {

    static Gen<String> uscc() {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        return lists().of(integers().between(0, chars.length() - 1).map(chars::charAt)).ofSize(18)
                .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    static Gen<ActionInput> input() {
        return arbitrary().pick(ActionInput.none(), ActionInput.reason("数据有误"), ActionInput.confirm("6222020012345678"),
                ActionInput.application("6222020012345678", List.of("a.pdf")));
    }

    /** One attempt: {@code other} acts on {@code owner}'s case in {@code state}. */
    record Attempt(String owner, String other, CaseState state, CaseAction action, ActionInput input) { }

    @Test
    void anEnterpriseIsRefusedOnEveryOtherEnterprisesCase() {
        qt().withExamples(2000)
                .forAll(uscc().zip(uscc(), arbitrary().enumValues(CaseState.class), arbitrary().enumValues(CaseAction.class),
                        input(), Attempt::new))
                .assuming(a -> !a.owner().equalsIgnoreCase(a.other()))
                .checkAssert(a -> {
                    Actor intruder = Actor.enterprise(a.other(), a.other());
                    if (a.action() == CaseAction.APPLY) {
                        assertThatThrownBy(() -> CaseStateMachine.apply(a.owner(), "市工信局", intruder, a.input()))
                                .isInstanceOf(TransitionRefused.class);
                    } else {
                        assertThatThrownBy(() -> CaseStateMachine.next(new CaseRef(a.state(), a.owner(), "市工信局"), intruder,
                                a.action(), a.input())).isInstanceOf(TransitionRefused.class);
                    }
                });
    }
}
