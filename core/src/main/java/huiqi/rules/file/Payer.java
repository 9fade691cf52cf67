package huiqi.rules.file;

import huiqi.policy.PayerLevel;
import huiqi.rules.lang.Checker;

/** Who pays: level (a {@link PayerLevel}: 中央/省级/市级/区级/县级/企业/其他) and department; share is null for a single payer. */
public record Payer(PayerLevel level, String department, Checker.Checked share) {
    /** "市级·市财政局": how results, budgets and the ledger name the payer. */
    public String label() {
        return level.label() + "·" + department;
    }
}
