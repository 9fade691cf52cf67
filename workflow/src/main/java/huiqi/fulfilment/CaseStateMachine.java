package huiqi.fulfilment;

import huiqi.fulfilment.TransitionRefused.Reason;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides whether an actor may take an action on a case and what state follows. Checks, in order: the
 * role, that the case is the actor's (enterprise: same 统一社会信用代码; officer: own unit), the state and the
 * required input. Every refusal is a {@link TransitionRefused} with a Chinese message.
 */
public final class CaseStateMachine {
    private static final int MAX_REASON = 500;

    private CaseStateMachine() {
    }

    /** The state after {@code action}, or a refusal. */
    public static CaseState next(CaseRef c, Actor actor, CaseAction action, ActionInput input) {
        if (action == CaseAction.APPLY) {
            throw new TransitionRefused(Reason.STATE, "「申请」用于新建申请类案件，不能作用于已有案件");
        }
        checkRole(actor, action);
        checkOwnership(c, actor);
        checkSegregation(c, actor, action);
        if (!action.from().contains(c.state())) {
            throw new TransitionRefused(Reason.STATE, "案件当前状态为「" + c.state().label() + "」，不能" + action.label()
                    + "（仅在" + states(action) + "状态下可以" + action.label() + "）");
        }
        checkInput(action, input);
        return action.to();
    }

    /** A 申请-type case started by the enterprise itself: returns the state it starts in. */
    public static CaseState apply(String uscc, String unit, Actor actor, ActionInput input) {
        checkRole(actor, CaseAction.APPLY);
        checkOwnership(new CaseRef(null, uscc, unit), actor);
        checkInput(CaseAction.APPLY, input);
        return CaseAction.APPLY.to();
    }

    /** The actions this actor could take on this case now (for showing buttons); input is not checked. */
    public static List<CaseAction> available(CaseRef c, Actor actor) {
        return Arrays.stream(CaseAction.values())
                .filter(a -> a != CaseAction.APPLY && a.from().contains(c.state()) && a.roles().contains(actor.role()))
                .filter(a -> {
                    try {
                        checkOwnership(c, actor);
                        checkSegregation(c, actor, a);
                        return true;
                    } catch (TransitionRefused e) {
                        return false;
                    }
                })
                .toList();
    }

    private static void checkRole(Actor actor, CaseAction action) {
        if (!action.roles().contains(actor.role())) {
            String allowed = action.roles().stream().map(ActorRole::label).collect(Collectors.joining("、"));
            throw new TransitionRefused(Reason.ROLE, actor.role().label() + "无权" + action.label() + "（" + action.label()
                    + "须由" + allowed + "操作）");
        }
    }

    /** The one who approved a case never pays it (also a CHECK on ledger_entry and fulfilment_case). */
    private static void checkSegregation(CaseRef c, Actor actor, CaseAction action) {
        if (action == CaseAction.PAY && c.approvedBy() != null && c.approvedBy().equals(actor.username())) {
            throw new TransitionRefused(Reason.ROLE, "审核与拨付须由不同人员办理：该事项由 " + actor.username() + " 审核通过，不能由其本人拨付");
        }
    }

    private static void checkOwnership(CaseRef c, Actor actor) {
        switch (actor.role()) {
            case ENTERPRISE -> {
                if (c.uscc() == null || !c.uscc().equalsIgnoreCase(actor.uscc())) {
                    throw new TransitionRefused(Reason.NOT_YOURS, "只能办理本企业的兑现事项（该事项不属于统一社会信用代码 "
                            + actor.uscc() + "）");
                }
            }
            case OFFICER -> {
                if (!UnitMatch.same(actor.unit(), actor.unitId(), c.unit(), c.unitIds())) {
                    throw new TransitionRefused(Reason.NOT_YOURS, "该事项由「" + (c.unit() == null ? "未指定单位" : c.unit())
                            + "」负责，" + (actor.unit() == null ? "您的账号未绑定单位" : "「" + actor.unit() + "」") + "不能办理");
                }
            }
            case FINANCE -> {
                if (!UnitMatch.same(actor.unit(), actor.unitId(), c.payerUnit(), c.payerUnitIds())) {
                    throw new TransitionRefused(Reason.NOT_YOURS, "该事项由付款方「" + (c.payerUnit() == null ? "未指定" : c.payerUnit())
                            + "」拨付，" + (actor.unit() == null ? "您的账号未绑定付款方" : "「" + actor.unit() + "」的财政经办") + "不能办理");
                }
            }
            case ADMIN, SYSTEM -> {
            }
        }
    }

    private static void checkInput(CaseAction action, ActionInput input) {
        ActionInput in = input == null ? ActionInput.none() : input;
        switch (action.needs()) {
            case REASON -> {
                if (in.reason() == null || in.reason().isBlank()) {
                    throw new TransitionRefused(Reason.INPUT, action.label() + "必须填写理由");
                }
                if (in.reason().length() > MAX_REASON) {
                    throw new TransitionRefused(Reason.INPUT, "理由不能超过 " + MAX_REASON + " 字");
                }
            }
            case BANK_AND_FACTS -> {
                requireBankAccount(in);
                if (!in.factsConfirmed()) {
                    throw new TransitionRefused(Reason.INPUT, "请核对并确认企业数据无误后再确认（如有出入请提出异议）");
                }
            }
            case APPLICATION -> {
                requireBankAccount(in);
                if (in.attachments().isEmpty()) {
                    throw new TransitionRefused(Reason.INPUT, "申请须至少上传一份附件（申报材料）");
                }
            }
            case NOTHING -> {
            }
        }
    }

    private static void requireBankAccount(ActionInput in) {
        if (!BankAccounts.valid(in.bankAccount())) {
            throw new TransitionRefused(Reason.INPUT, "请填写正确的收款银行账号（8 至 30 位数字）");
        }
    }

    private static String states(CaseAction action) {
        return action.from().stream().map(s -> "「" + s.label() + "」").collect(Collectors.joining("、"));
    }
}
