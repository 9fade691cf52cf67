package huiqi.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.fulfilment.TransitionRefused.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The specification of the workflow, written out independently of CaseAction as a table, and checked for
 * every state × action × role × (own case / someone else's case).
 */
class CaseStateMachineTest {
    static final String OWN = "91350100MA2Y0001X1";
    static final String OTHER = "91350100MA2Y0002X2";
    static final String UNIT = "市工信局";

    /** from | action | to | roles allowed. Anything not listed is illegal. */
    static final String SPEC = """
            待推送   | 推送     | 已推送   | ADMIN OFFICER SYSTEM
            已推送   | 确认     | 部门审核 | ENTERPRISE
            已推送   | 异议     | 企业异议 | ENTERPRISE
            企业异议 | 重新推送 | 已推送   | ADMIN OFFICER
            企业异议 | 驳回     | 已驳回   | ADMIN OFFICER
            部门审核 | 审核通过 | 财政拨付 | OFFICER
            部门审核 | 驳回     | 已驳回   | ADMIN OFFICER
            财政拨付 | 拨付     | 已兑现   | FINANCE
            待推送   | 撤销     | 已撤销   | ADMIN SYSTEM
            已推送   | 撤销     | 已撤销   | ADMIN SYSTEM
            企业异议 | 撤销     | 已撤销   | ADMIN SYSTEM
            部门审核 | 撤销     | 已撤销   | ADMIN SYSTEM
            财政拨付 | 撤销     | 已撤销   | ADMIN SYSTEM
            """;

    record Legal(CaseState to, Set<ActorRole> roles) {
    }

    static Map<String, Legal> spec() {
        Map<String, Legal> m = new HashMap<>();
        for (String line : SPEC.strip().split("\n")) {
            String[] f = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            Set<ActorRole> roles = Arrays.stream(f[3].split("\\s+")).map(ActorRole::parse)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(ActorRole.class)));
            m.put(f[0] + "|" + f[1], new Legal(CaseState.parse(f[2]), roles));
        }
        return m;
    }

    static Actor actor(ActorRole role, boolean own) {
        return switch (role) {
            case ADMIN -> Actor.admin("admin");
            case SYSTEM -> Actor.system();
            case OFFICER -> Actor.officer("gongxin", own ? UNIT : "市商务局");
            case FINANCE -> Actor.finance("guoku", own ? UNIT : "市商务局");
            case ENTERPRISE -> Actor.enterprise(own ? OWN : OTHER, own ? OWN : OTHER);
        };
    }

    /** The input each action needs, fully and correctly supplied. */
    static ActionInput goodInput(CaseAction action) {
        return switch (action) {
            case CONFIRM -> ActionInput.confirm("6222 0200 1234 5678");
            case APPLY -> ActionInput.application("6222020012345678", List.of("申报表.pdf"));
            case DISPUTE, REPUSH, REJECT, WITHDRAW -> ActionInput.reason("2月用电量与电网数据不一致");
            default -> ActionInput.none();
        };
    }

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (CaseState s : CaseState.values()) {
            for (CaseAction a : CaseAction.values()) {
                if (a == CaseAction.APPLY) {
                    continue;
                }
                for (ActorRole r : ActorRole.values()) {
                    all.add(Arguments.of(s, a, r, true));
                    if (r == ActorRole.ENTERPRISE || r == ActorRole.OFFICER || r == ActorRole.FINANCE) {
                        all.add(Arguments.of(s, a, r, false));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} --{1}--> by {2} own={3}")
    @MethodSource("everyCombination")
    void everyTransitionIsLegalExactlyWhenTheSpecificationSaysSo(CaseState from, CaseAction action, ActorRole role,
                                                                   boolean own) {
        Legal legal = spec().get(from.label() + "|" + action.label());
        CaseRef c = new CaseRef(from, OWN, UNIT);
        Actor actor = actor(role, own);
        boolean allowed = legal != null && legal.roles().contains(role) && own;
        if (allowed) {
            assertThat(CaseStateMachine.next(c, actor, action, goodInput(action))).isEqualTo(legal.to());
            assertThat(CaseStateMachine.available(c, actor)).contains(action);
        } else {
            assertThatThrownBy(() -> CaseStateMachine.next(c, actor, action, goodInput(action)))
                    .isInstanceOf(TransitionRefused.class)
                    .satisfies(e -> {
                        TransitionRefused t = (TransitionRefused) e;
                        assertThat(t.getMessage()).containsPattern("\\p{IsHan}");
                        if (!action.roles().contains(role)) {
                            assertThat(t.reason()).isEqualTo(Reason.ROLE);
                        } else if (!own) {
                            assertThat(t.reason()).isEqualTo(Reason.NOT_YOURS);
                        } else {
                            assertThat(t.reason()).isEqualTo(Reason.STATE);
                            assertThat(t.getMessage()).contains("「" + from.label() + "」");
                        }
                    });
            assertThat(CaseStateMachine.available(c, actor)).doesNotContain(action);
        }
    }

    @Test
    void theSpecificationAndTheImplementationListTheSameTransitions() {
        Map<String, Legal> implemented = new HashMap<>();
        for (CaseAction a : CaseAction.values()) {
            for (CaseState s : a.from()) {
                implemented.put(s.label() + "|" + a.label(), new Legal(a.to(), a.roles()));
            }
        }
        assertThat(implemented).isEqualTo(spec());
    }

    @Test
    void terminalStatesAllowNothing() {
        for (CaseState s : CaseState.values()) {
            if (s.terminal()) {
                for (ActorRole r : ActorRole.values()) {
                    assertThat(CaseStateMachine.available(new CaseRef(s, OWN, UNIT), actor(r, true))).isEmpty();
                }
            }
        }
    }

    @Test
    void everyNonTerminalStateCanReachPaidOrAnEnd() {
        // 已兑现 is reachable from 待推送 along the happy path.
        CaseState s = CaseState.PENDING_PUSH;
        for (CaseAction a : List.of(CaseAction.PUSH, CaseAction.CONFIRM, CaseAction.APPROVE, CaseAction.PAY)) {
            Actor who = a == CaseAction.CONFIRM ? actor(ActorRole.ENTERPRISE, true)
                    : a == CaseAction.PAY ? actor(ActorRole.FINANCE, true) : actor(ActorRole.OFFICER, true);
            s = CaseStateMachine.next(new CaseRef(s, OWN, UNIT), who, a, goodInput(a));
        }
        assertThat(s).isEqualTo(CaseState.PAID);
    }

    @Test
    void reasonsAreRequiredWhereTheWorkflowSaysSo() {
        CaseRef pushed = new CaseRef(CaseState.PUSHED, OWN, UNIT);
        Actor ent = actor(ActorRole.ENTERPRISE, true);
        assertThatThrownBy(() -> CaseStateMachine.next(pushed, ent, CaseAction.DISPUTE, ActionInput.reason("  ")))
                .hasMessage("异议必须填写理由");
        CaseRef review = new CaseRef(CaseState.UNIT_REVIEW, OWN, UNIT);
        assertThatThrownBy(() -> CaseStateMachine.next(review, actor(ActorRole.OFFICER, true), CaseAction.REJECT,
                ActionInput.none())).hasMessage("驳回必须填写理由");
        assertThatThrownBy(() -> CaseStateMachine.next(review, Actor.system(), CaseAction.WITHDRAW,
                ActionInput.reason("x".repeat(501)))).hasMessageContaining("不能超过 500 字");
    }

    @Test
    void confirmationNeedsABankAccountAndConfirmedFacts() {
        CaseRef pushed = new CaseRef(CaseState.PUSHED, OWN, UNIT);
        Actor ent = actor(ActorRole.ENTERPRISE, true);
        assertThatThrownBy(() -> CaseStateMachine.next(pushed, ent, CaseAction.CONFIRM, ActionInput.confirm("12ab")))
                .hasMessageContaining("银行账号");
        assertThatThrownBy(() -> CaseStateMachine.next(pushed, ent, CaseAction.CONFIRM,
                new ActionInput(null, "6222020012345678", false, List.of()))).hasMessageContaining("确认企业数据");
    }

    @Test
    void applicationsStartUnderReviewAndNeedAttachments() {
        Actor ent = actor(ActorRole.ENTERPRISE, true);
        assertThat(CaseStateMachine.apply(OWN, UNIT, ent, goodInput(CaseAction.APPLY))).isEqualTo(CaseState.UNIT_REVIEW);
        assertThatThrownBy(() -> CaseStateMachine.apply(OWN, UNIT, ent,
                ActionInput.application("6222020012345678", List.of()))).hasMessageContaining("附件");
        assertThatThrownBy(() -> CaseStateMachine.apply(OWN, UNIT, actor(ActorRole.ENTERPRISE, false),
                goodInput(CaseAction.APPLY))).isInstanceOf(TransitionRefused.class)
                .extracting(e -> ((TransitionRefused) e).reason()).isEqualTo(Reason.NOT_YOURS);
        for (ActorRole r : List.of(ActorRole.ADMIN, ActorRole.OFFICER, ActorRole.SYSTEM)) {
            assertThatThrownBy(() -> CaseStateMachine.apply(OWN, UNIT, actor(r, true), goodInput(CaseAction.APPLY)))
                    .extracting(e -> ((TransitionRefused) e).reason()).isEqualTo(Reason.ROLE);
        }
        assertThatThrownBy(() -> CaseStateMachine.next(new CaseRef(CaseState.PENDING_PUSH, OWN, UNIT), ent, CaseAction.APPLY,
                goodInput(CaseAction.APPLY))).isInstanceOf(TransitionRefused.class);
    }

    @Test
    void officersWithoutAUnitCanActOnNothing() {
        Actor noUnit = new Actor("x", ActorRole.OFFICER, null, null);
        assertThatThrownBy(() -> CaseStateMachine.next(new CaseRef(CaseState.UNIT_REVIEW, OWN, UNIT), noUnit,
                CaseAction.APPROVE, ActionInput.none())).hasMessageContaining("未绑定单位");
    }

    @Test
    void whoeverApprovedACaseCannotPayIt() {
        CaseRef approvedByGuoku = new CaseRef(CaseState.AWAITING_PAYMENT, OWN, UNIT, UNIT, "guoku");
        assertThatThrownBy(() -> CaseStateMachine.next(approvedByGuoku, Actor.finance("guoku", UNIT), CaseAction.PAY,
                ActionInput.none())).isInstanceOf(TransitionRefused.class).hasMessageContaining("不同人员");
        assertThat(CaseStateMachine.available(approvedByGuoku, Actor.finance("guoku", UNIT))).doesNotContain(CaseAction.PAY);
        assertThat(CaseStateMachine.next(approvedByGuoku, Actor.finance("guoku2", UNIT), CaseAction.PAY, ActionInput.none()))
                .isEqualTo(CaseState.PAID);
    }

    @Test
    void theFinanceOfficerPaysOnlyForItsOwnPayer() {
        CaseRef paidByTreasury = new CaseRef(CaseState.AWAITING_PAYMENT, OWN, UNIT, "市财政局", "gongxin");
        assertThat(CaseStateMachine.next(paidByTreasury, Actor.finance("guoku", "市财政局"), CaseAction.PAY, ActionInput.none()))
                .isEqualTo(CaseState.PAID);
        assertThatThrownBy(() -> CaseStateMachine.next(paidByTreasury, Actor.finance("gx-caiwu", UNIT), CaseAction.PAY,
                ActionInput.none())).extracting(e -> ((TransitionRefused) e).reason()).isEqualTo(Reason.NOT_YOURS);
        assertThatThrownBy(() -> CaseStateMachine.next(new CaseRef(CaseState.UNIT_REVIEW, OWN, UNIT, "市财政局", null),
                Actor.finance("guoku", "市财政局"), CaseAction.APPROVE, ActionInput.none()))
                .extracting(e -> ((TransitionRefused) e).reason()).isEqualTo(Reason.ROLE);
    }
}
