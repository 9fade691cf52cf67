package huiqi.rules.eval;

import huiqi.enterprise.ProfileField;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Missing facts ({@code electricity_kwh[2024-02]}, {@code manufacturing}, {@code region}) as an enterprise
 * supplies them: by Chinese name, the periods of one indicator joined into ranges of consecutive months or
 * days ("月销售额（2023-01至2023-12）"), only the periods that are missing.
 */
public final class MissingFacts {
 /** A field of one item, as the interpreter names it: {@code loans[L001].balance}. */
    private static final Pattern ITEM_FIELD = Pattern.compile("([A-Za-z0-9_]+)\\[(.+)]\\.([A-Za-z0-9_]+)");
    private static final Pattern FACT = Pattern.compile("([A-Za-z0-9_]+)(?:\\[(.+)])?");

    private MissingFacts() {
    }

    /**
     * One missing fact as an API client needs it: {@code id} as the rules write it ("electricity_kwh[2024-02]"),
     * the fact's id and Chinese name, and the period as the enterprise supplies it ("2024-02"; null for an attribute).
     */
    public record Missing(String id, String fact, String label, String period) { }

    /** Every missing fact, in the order first asked for. */
    public static List<Missing> entries(Collection<String> missing, IndicatorCatalog catalog) {
        List<Missing> out = new ArrayList<>();
        for (String m : missing) {
            Matcher x = FACT.matcher(m);
            if (!x.matches()) {
                out.add(new Missing(m, m, m, null));
                continue;
            }
            String id = x.group(1);
            out.add(new Missing(m, id, name(id, catalog), x.group(2) == null ? null : supplied(x.group(2))));
        }
        return out;
    }

    /** A period as an enterprise writes it: whole months as a month range (2024-01..2024-02), not a day range. */
    static String supplied(String period) {
        Period p;
        try {
            p = Period.parse(period);
        } catch (IllegalArgumentException e) {
            return period;
        }
        if (p instanceof Period.Range r && r.from().getDayOfMonth() == 1
                && r.to().equals(java.time.YearMonth.from(r.to()).atEndOfMonth())) {
            java.time.YearMonth a = java.time.YearMonth.from(r.from());
            java.time.YearMonth b = java.time.YearMonth.from(r.to());
            return a.equals(b) ? a.toString() : a + ".." + b;
        }
        return p.toString();
    }

    /** One entry per fact or indicator, in the order first asked for. */
    public static List<String> describe(Collection<String> missing, IndicatorCatalog catalog) {
        Map<String, List<Period>> periods = new LinkedHashMap<>();
        Map<String, String> plain = new LinkedHashMap<>();
        for (String m : missing) {
            Matcher item = ITEM_FIELD.matcher(m);
            if (item.matches()) { // a field of one listed item: 贷款 L001 的余额
                String kind = catalog.itemKind(item.group(1)).map(huiqi.facts.ItemKind::name).orElse(item.group(1));
                String field = catalog.itemKind(item.group(1)).flatMap(k -> k.field(item.group(3)))
                        .map(huiqi.facts.ItemKind.Field::name).orElse(item.group(3));
                plain.putIfAbsent(m, kind + " " + item.group(2) + " 的" + field);
                periods.putIfAbsent(m, null);
                continue;
            }
            Matcher x = FACT.matcher(m);
            if (!x.matches()) {
                plain.putIfAbsent(m, m);
                periods.putIfAbsent(m, null);
                continue;
            }
            String id = x.group(1);
            if (x.group(2) == null) {
                periods.putIfAbsent(id, null);
                continue;
            }
            Period p;
            try {
                p = Period.parse(x.group(2));
            } catch (IllegalArgumentException e) {
                plain.putIfAbsent(m, name(id, catalog) + "（" + x.group(2) + "）");
                periods.putIfAbsent(m, null);
                continue;
            }
            List<Period> list = periods.get(id);
            if (list == null) {
                list = new ArrayList<>();
                periods.put(id, list);
            }
            list.add(p);
        }
        List<String> out = new ArrayList<>();
        periods.forEach((id, ps) -> {
            if (plain.containsKey(id)) {
                out.add(plain.get(id));
            } else if (ps == null) {
                out.add(name(id, catalog));
            } else {
                out.add(name(id, catalog) + "（" + String.join("、", ranges(ps)) + "）");
            }
        });
        return out;
    }

    /** "缺少 用电量（2024-01至2024-02）、制造业企业", or empty. */
    public static String sentence(Collection<String> missing, IndicatorCatalog catalog) {
        return missing.isEmpty() ? "" : "缺少 " + String.join("、", describe(missing, catalog));
    }

    static String name(String id, IndicatorCatalog catalog) {
        return catalog.indicator(id).map(IndicatorCatalog.Indicator::name)
                .or(() -> catalog.attribute(id).map(IndicatorCatalog.Attribute::name))
                .or(() -> ProfileField.byId(id).map(ProfileField::label))
                .or(() -> catalog.itemKind(id).map(k -> k.name() + "清单"))
                .orElse(id);
    }

    /** Consecutive months (or consecutive days) merged into one range; other periods as they are. */
    static List<String> ranges(List<Period> ps) {
        List<String> out = new ArrayList<>();
        Period runStart = null;
        Period runEnd = null;
        for (Period p : ps) {
            if (runEnd != null && follows(runEnd, p)) {
                runEnd = p;
                continue;
            }
            if (runStart != null) {
                out.add(range(runStart, runEnd));
            }
            runStart = p;
            runEnd = p;
        }
        if (runStart != null) {
            out.add(range(runStart, runEnd));
        }
        return out;
    }

    private static boolean follows(Period before, Period p) {
        if (before instanceof Period.Month a && p instanceof Period.Month b) {
            return a.month().plusMonths(1).equals(b.month());
        }
        if (before instanceof Period.Day a && p instanceof Period.Day b) {
            return a.date().plusDays(1).equals(b.date());
        }
        return false;
    }

    private static String range(Period from, Period to) {
        if (from.equals(to)) {
            return Display.period(from);
        }
        if (from instanceof Period.Month a && to instanceof Period.Month b) {
            return a.month() + "至" + b.month();
        }
        LocalDate end = to.end();
        return Display.period(new Period.Range(from.start(), end));
    }
}
