package huiqi.fulfilment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares fresh matches with the cases already open or paid and plans only the difference.
 *
 * <p>Per benefit (rule, enterprise, period) the target is the new match amount (0 if it no longer matches).
 * Paid money is the sum of the 已兑现 cases. An open case whose amount still equals target − paid stays; an
 * open case that no longer fits is withdrawn (before any money moved) and, if something is still owed,
 * replaced by a new case. With nothing open, a positive difference becomes a 补发 case and a negative one a
 * 冲正 case (a recovery, paid as a negative ledger entry). A rejected case is not re-raised for the same
 * amount: only new data (a different amount) raises the benefit again.
 */
public final class MatchReconciler {
    private MatchReconciler() {
    }

    public static MatchPlan plan(List<Match> matches, List<ExistingCase> existing) {
        Map<CaseKey, Match> byKey = new LinkedHashMap<>();
        for (Match m : matches) {
            if (byKey.put(m.key(), m) != null) {
                throw new IllegalArgumentException("同一规则、企业、期间出现两条匹配：" + m.key());
            }
        }
        Map<CaseKey, List<ExistingCase>> cases = new HashMap<>();
        for (ExistingCase c : existing) {
            cases.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
        }
        List<MatchPlan.NewCase> create = new ArrayList<>();
        List<MatchPlan.Withdrawal> withdraw = new ArrayList<>();
        int unchanged = 0;
        for (Map.Entry<CaseKey, Match> e : byKey.entrySet()) {
            List<ExistingCase> list = cases.getOrDefault(e.getKey(), List.of());
            if (!reconcile(e.getValue(), e.getValue().amount(), list, create, withdraw)) {
                unchanged++;
            }
        }
        for (Map.Entry<CaseKey, List<ExistingCase>> e : cases.entrySet()) {
            if (!byKey.containsKey(e.getKey())) {
                // No longer matched: open cases are withdrawn; money already paid stays (a recovery needs a
                // match with the new amount, never a guess).
                for (ExistingCase c : e.getValue()) {
                    if (!c.state().terminal()) {
                        withdraw.add(new MatchPlan.Withdrawal(c.id(), "重新匹配后不再符合条件"));
                    }
                }
            }
        }
        return new MatchPlan(create, withdraw, unchanged);
    }

    private static boolean reconcile(Match m, BigDecimal target, List<ExistingCase> list,
                                     List<MatchPlan.NewCase> create, List<MatchPlan.Withdrawal> withdraw) {
        BigDecimal paid = list.stream().filter(c -> c.state() == CaseState.PAID).map(ExistingCase::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal owed = target.subtract(paid);
        int nextSeq = list.stream().mapToInt(ExistingCase::seq).max().orElse(-1) + 1;
        List<ExistingCase> open = list.stream().filter(c -> !c.state().terminal()).toList();
        boolean changed = false;
        boolean covered = false;
        for (ExistingCase c : open) {
            if (!covered && c.amount().compareTo(owed) == 0 && owed.signum() != 0) {
                covered = true;
            } else {
                withdraw.add(new MatchPlan.Withdrawal(c.id(), "重新匹配后金额变为 " + target.toPlainString() + " 元"));
                changed = true;
            }
        }
        if (covered || owed.signum() == 0) {
            return changed;
        }
        ExistingCase last = list.stream().max(Comparator.comparingInt(ExistingCase::seq)).orElse(null);
        if (last != null && last.state() == CaseState.REJECTED && last.amount().compareTo(owed) == 0) {
            return changed;
        }
        CaseKind kind = paid.signum() == 0 && owed.signum() > 0 ? CaseKind.PAYMENT : owed.signum() > 0 ? CaseKind.TOP_UP : CaseKind.CORRECTION;
        create.add(new MatchPlan.NewCase(m, nextSeq, kind, owed));
        return true;
    }
}
