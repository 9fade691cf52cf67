package huiqi.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The level of a payer as written in rule files: a {@link Level} of government in its payer spelling ("市级",
 * "区级"), or a payer outside government ("企业", "其他") with no level. The label is kept as written, since
 * results, budgets and the ledger name payers by "level·department".
 */
public record PayerLevel(Optional<Level> government, String label) {
    /** Payers that are not a level of government. */
    public static final List<String> NON_GOVERNMENT = List.of("企业", "其他");

    public PayerLevel {
        if (government.isPresent() ? !government.get().payerLabels().contains(label) : !NON_GOVERNMENT.contains(label)) {
            throw new IllegalArgumentException("付款方层级与级别不符: " + label);
        }
    }

    public static Optional<PayerLevel> parse(String label) {
        for (Level l : Level.values()) {
            if (l.payerLabels().contains(label)) {
                return Optional.of(new PayerLevel(Optional.of(l), label));
            }
        }
        return NON_GOVERNMENT.contains(label) ? Optional.of(new PayerLevel(Optional.empty(), label)) : Optional.empty();
    }

    /** Every accepted label, government levels from the top down: 中央、省级、市级、区级、县级、企业、其他. */
    public static List<String> labels() {
        List<String> out = new ArrayList<>();
        for (Level l : Level.values()) {
            out.addAll(l.payerLabels());
        }
        out.addAll(NON_GOVERNMENT);
        return out;
    }
}
