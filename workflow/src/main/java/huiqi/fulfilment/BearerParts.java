package huiqi.fulfilment;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parts a new case carries: those of the benefit, less what earlier paid cases already put on each bearer. */
public final class BearerParts {
    private BearerParts() {
    }

    /**
     * The parts of a case of {@code amount}: for a first payment the benefit's parts; for a 补发 or 冲正 each bearer's
     * part of the benefit less its parts of the paid cases (bearers with nothing left out). Empty when the rule has
     * no bearers, or when a paid case predates stored parts (its split is unknown, so the difference would be a guess).
     *
     * @throws IllegalStateException when the parts do not add up to the case's amount to the fen
     */
    public static List<BearerPart> ofCase(List<BearerPart> benefit, List<List<BearerPart>> paid, BigDecimal amount) {
        if (benefit.isEmpty() || paid.stream().anyMatch(List::isEmpty)) {
            return List.of();
        }
        // a bearer keeps the items the benefit names now; one no longer in it, the items it was paid for
        Map<String, BearerPart> left = new LinkedHashMap<>();
        benefit.forEach(p -> left.merge(key(p), p, (a, b) -> withAmount(a, a.amount().add(b.amount()))));
        for (List<BearerPart> earlier : paid) {
            for (BearerPart p : earlier) {
                left.merge(key(p), withAmount(p, p.amount().negate()), (a, b) -> withAmount(a, a.amount().add(b.amount())));
            }
        }
        List<BearerPart> parts = left.values().stream().filter(p -> p.amount().signum() != 0).toList();
        requireSum(parts, amount);
        return parts;
    }

    /** @throws IllegalStateException when the parts do not add up to the amount to the fen */
    public static void requireSum(List<BearerPart> parts, BigDecimal amount) {
        BigDecimal sum = parts.stream().map(BearerPart::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (!parts.isEmpty() && sum.compareTo(amount) != 0) {
            throw new IllegalStateException("各承担方金额合计 " + sum.toPlainString() + " 元与兑现金额 "
                    + amount.toPlainString() + " 元不一致");
        }
    }

    private static String key(BearerPart p) {
        return p.role() + "\u0000" + p.name();
    }

    private static BearerPart withAmount(BearerPart p, BigDecimal amount) {
        return new BearerPart(p.role(), p.name(), amount, p.itemKind(), p.items());
    }
}
