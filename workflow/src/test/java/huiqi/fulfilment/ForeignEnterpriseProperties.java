package huiqi.fulfilment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the state, the action and the input: an enterprise can never act on another enterprise's case. */
class ForeignEnterpriseProperties {

    @Provide
    Arbitrary<String> uscc() {
        return Arbitraries.strings().withChars("0123456789ABCDEFGHJKLMNPQRTUWXY").ofLength(18);
    }

    @Provide
    Arbitrary<ActionInput> input() {
        return Arbitraries.of(ActionInput.none(), ActionInput.reason("数据有误"), ActionInput.confirm("6222020012345678"),
                ActionInput.application("6222020012345678", List.of("a.pdf")));
    }

    @Property(tries = 2000)
    void anEnterpriseIsRefusedOnEveryOtherEnterprisesCase(@ForAll("uscc") String owner, @ForAll("uscc") String other,
                                                         @ForAll CaseState state, @ForAll CaseAction action,
                                                         @ForAll("input") ActionInput input) {
        Assume.that(!owner.equalsIgnoreCase(other));
        Actor intruder = Actor.enterprise(other, other);
        if (action == CaseAction.申请) {
            assertThatThrownBy(() -> CaseStateMachine.apply(owner, "市工信局", intruder, input))
                    .isInstanceOf(TransitionRefused.class);
        } else {
            assertThatThrownBy(() -> CaseStateMachine.next(new CaseRef(state, owner, "市工信局"), intruder, action, input))
                    .isInstanceOf(TransitionRefused.class);
        }
    }
}
