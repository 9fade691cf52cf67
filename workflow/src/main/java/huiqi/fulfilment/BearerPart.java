package huiqi.fulfilment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Who bears how much of a case's amount when the rule says each item is borne by its own party ({@code borne_by}:
 * each lease's 出租方 bears the relief on it). The case is still paid once, by the case's payer; parts only say on
 * whose account the amount falls.
 *
 * @param role     the bearer's role (出租方)
 * @param name     the bearer's name
 * @param amount   its part in yuan, to the fen
 * @param itemKind what the items are (租赁合同)
 * @param items    the items it bears, by their own numbers
 */
public record BearerPart(String role, String name, BigDecimal amount, String itemKind, List<String> items) {
    public BearerPart {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(amount, "amount");
        items = items == null ? List.of() : List.copyOf(items);
    }
}
