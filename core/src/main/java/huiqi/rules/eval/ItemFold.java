package huiqi.rules.eval;

import huiqi.rules.lang.Expr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The aggregate of an item loop (ordered or not), item by item: each settled amount is combined (sum, min or max), each
 * unknown item or filter is kept. The ending is the same for both loops: any unknown → the merged unknown (never a
 * partial sum); no counted item → 0 for a sum, undeterminable for a minimum or maximum.
 */
final class ItemFold {
    private final Expr.Aggregate aggregate;
    private final List<Value> unknown = new ArrayList<>();
    private BigDecimal acc;

    ItemFold(Expr.Aggregate aggregate) {
        this.aggregate = aggregate;
    }

    /** The unknowns so far; a loop's filter or order key adds to it too. */
    List<Value> unknown() {
        return unknown;
    }

    void combine(BigDecimal settled) {
        acc = acc == null ? settled : switch (aggregate) {
            case SUM -> acc.add(settled);
            case MIN -> acc.min(settled);
            case MAX -> acc.max(settled);
        };
    }

    boolean anyUnknown() {
        return !unknown.isEmpty();
    }

    Value end(String kindName) {
        if (!unknown.isEmpty()) {
            return Value.merge(unknown.toArray(Value[]::new));
        }
        if (acc == null && aggregate != Expr.Aggregate.SUM) {
            return Value.because(kindName + "清单中没有计入的项目，无法取" + (aggregate == Expr.Aggregate.MIN ? "最小值" : "最大值"));
        }
        return Value.known(acc == null ? BigDecimal.ZERO : acc);
    }
}
