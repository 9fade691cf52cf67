package huiqi.org;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The directory units a rule file's payer department stands for, in the context of the rule's document: each
 * part of "A、B" one unit; "就业补助资金（区人社局）" — a fund named with the unit that manages it — the unit in
 * brackets. A part that resolves to no single unit makes the payer unresolved, with the reason in Chinese.
 */
public final class PayerUnits {
    private static final Pattern FUND_OF_UNIT = Pattern.compile("^.+（(.+)）$");

    private PayerUnits() {
    }

    /** The units, or (with {@code problem} set) why the department does not name directory units. */
    public record Result(List<String> unitIds, String problem) {
        public Result {
            unitIds = List.copyOf(unitIds);
        }

        public boolean resolved() {
            return problem == null;
        }
    }

    /** As {@link #resolve(String, Government, UnitResolver)}, in the context of the rule's {@code region:} when the document's issuer is unknown. */
    public static Result resolve(String department, Government issuer, String ruleRegion, UnitResolver resolver) {
        return resolve(department, issuer != null ? issuer : resolver.governmentOfRegion(ruleRegion), resolver);
    }

    public static Result resolve(String department, Government issuer, UnitResolver resolver) {
        List<String> ids = new ArrayList<>();
        String d = department == null ? "" : department.strip();
        if (d.isEmpty()) {
            return new Result(List.of(), "付款部门为空");
        }
        for (String part : d.split("、")) {
            String unit = Spellings.normalize(part);
            Resolution r = resolver.resolve(unit, issuer);
            Matcher m = FUND_OF_UNIT.matcher(unit);
            if (r.kind() != Resolution.Kind.UNIT && m.matches()) {
                r = resolver.resolve(m.group(1), issuer);
            }
            if (r.kind() != Resolution.Kind.UNIT) {
                return new Result(List.of(), "部门“" + part + "”不能唯一对应组织目录中的单位"
                        + (r.reason() == null ? "（是多个单位的集合写法）" : "：" + r.reason()));
            }
            for (String id : r.unitIds()) {
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return new Result(ids, null);
    }
}
