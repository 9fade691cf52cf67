package huiqi.fulfilment;

import java.math.BigDecimal;

/** A case already in the system, as far as re-matching needs to know it. */
public record ExistingCase(long id, CaseKey key, int seq, CaseState state, BigDecimal amount) {
}
