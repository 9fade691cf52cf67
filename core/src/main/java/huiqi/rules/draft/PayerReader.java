package huiqi.rules.draft;

import huiqi.policy.Measure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who pays, from the measure's responsible units (a 财政 unit first, else the lead unit) or a "市财政再给予" in the
 * granting sentence, else the first unit named (asked about when there are several); the level from the unit's prefix (省 → 省级, 市 → 市级, 区 → 区级, 县 → 县级).
 */
final class PayerReader {
    /** {@code firstOfSeveral}: no finance unit is named and the first of several units was taken, to be confirmed. */
    record Payer(String level, String department, String quote, boolean firstOfSeveral) {
    }

    /** "所需资金从就业补助资金中列支": the fund pays, managed by the first unit named. */
    private static final Pattern FUND = Pattern.compile("资金(?:从|由|在)([^,，。;；]{2,12}?资金)中?(?:列支|安排|支出)");
    private static final Pattern FINANCE_IN_TEXT = Pattern.compile("(省|市|区|县)(级)?财政");

    private PayerReader() {
    }

    static Optional<Payer> of(Measure m, String sentence, String measureText) {
        List<String> units = withLevel(m.qualifiedUnits().isEmpty() ? m.allUnits() : m.qualifiedUnits());
        Matcher fund = FUND.matcher(measureText);
        if (fund.find() && !units.isEmpty()) {
            String dept = fund.group(1) + "（" + units.get(0) + "）";
            return level(units.get(0)).map(l -> new Payer(l, dept, fund.group(), false));
        }
        Optional<String> finance = units.stream().filter(u -> u.contains("财政")).findFirst();
        if (finance.isPresent()) {
            return level(finance.get()).map(l -> new Payer(l, finance.get(), finance.get(), false));
        }
        Matcher f = FINANCE_IN_TEXT.matcher(sentence);
        if (f.find()) {
            String dept = f.group(1) + "财政局";
            return level(dept).map(l -> new Payer(l, dept, f.group(), false));
        }
        List<String> lead = m.leadUnits().isEmpty() ? units : m.leadUnits();
        if (!lead.isEmpty()) {
            return level(lead.get(0)).map(l -> new Payer(l, lead.get(0), lead.get(0), lead.size() > 1));
        }
        return Optional.empty();
    }

    /** Units written without their level after one that has it ("区民生保障局、财政金融与国资局") take its level. */
    private static List<String> withLevel(List<String> units) {
        List<String> out = new ArrayList<>();
        String prefix = null;
        for (String u : units) {
            if (level(u).isPresent()) {
                prefix = u.substring(0, 1);
                out.add(u);
            } else {
                out.add(prefix != null && !u.startsWith("各") ? prefix + u : u);
            }
        }
        return out;
    }

    private static Optional<String> level(String unit) {
        if (unit.startsWith("省")) {
            return Optional.of("省级");
        }
        if (unit.startsWith("市")) {
            return Optional.of("市级");
        }
        if (unit.startsWith("区")) {
            return Optional.of("区级");
        }
        if (unit.startsWith("县")) {
            return Optional.of("县级");
        }
        return Optional.empty();
    }
}
