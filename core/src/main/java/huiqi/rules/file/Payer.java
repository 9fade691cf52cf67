package huiqi.rules.file;

import huiqi.rules.lang.Checker;

/** Who pays: level (中央/省级/市级/区级/县级/企业/其他) and department; share is null for a single payer. */
public record Payer(String level, String department, Checker.Checked share) {
    public String label() {
        return level + "·" + department;
    }
}
