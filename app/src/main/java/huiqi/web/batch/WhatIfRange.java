package huiqi.web.batch;

import huiqi.quantity.Unit;
import huiqi.rules.file.Parameter;
import huiqi.rules.file.Rule;
import huiqi.rules.file.RuleFile;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The range a what-if may move a parameter in, where a range makes sense: a rate (a 比例 such as 配套比例 50%, or
 * money per unit such as 0.02元/千瓦时) and a rule's cap (单家企业上限). A ratio goes from 0 to 100%; the others
 * from 0 to {@link #FACTOR} times today's value. The form draws a slider over it and the validator refuses a
 * value outside it, whichever way the value came (form, typed line, REST). Thresholds and other quantities have
 * no natural bound and keep only the text field.
 */
public record WhatIfRange(BigDecimal min, BigDecimal max, BigDecimal step, boolean ratio) {
    static final BigDecimal FACTOR = BigDecimal.valueOf(5);
    private static final int STEPS = 100;

    /** Every parameter of {@code files} that has a range, by qualified name. */
    public static Map<String, WhatIfRange> of(List<RuleFile> files, Map<String, Parameter> parameters) {
        Set<String> caps = new HashSet<>();
        for (RuleFile f : files) {
            for (Rule r : f.rules()) {
                if (r.capText() != null) {
                    caps.add(r.id() + "." + r.capText().strip());
                }
            }
        }
        Map<String, WhatIfRange> out = new LinkedHashMap<>();
        parameters.forEach((name, p) -> of(p, caps.contains(name)).ifPresent(range -> out.put(name, range)));
        return out;
    }

    static Optional<WhatIfRange> of(Parameter p, boolean cap) {
        if (p.isPending() || p.isDate() || p.table() != null || p.values().isEmpty()) {
            return Optional.empty();
        }
        BigDecimal now = p.values().lastEntry().getValue();
        if (now.signum() <= 0) {
            return Optional.empty();
        }
        Unit unit = p.unit();
        if (unit.isNone() && now.compareTo(BigDecimal.ONE) <= 0) {
            return Optional.of(new WhatIfRange(BigDecimal.ZERO, BigDecimal.ONE, new BigDecimal("0.01"), true));
        }
        boolean perUnitMoney = unit.dims().values().stream().anyMatch(e -> e < 0)
                && (unit.dims().containsKey("元") || unit.dims().containsKey("美元"));
        if (perUnitMoney || (cap && unit.isMoney())) {
            BigDecimal max = now.multiply(FACTOR);
            BigDecimal step = max.divide(BigDecimal.valueOf(STEPS), new MathContext(1, RoundingMode.DOWN));
            return Optional.of(new WhatIfRange(BigDecimal.ZERO, max.stripTrailingZeros(), step.stripTrailingZeros(), false));
        }
        return Optional.empty();
    }

    public boolean contains(BigDecimal v) {
        return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
    }

    /** "0 至 0.1元/千瓦时", "0% 至 100%": how a refusal states the range. */
    public String describe(Unit unit) {
        if (ratio) {
            return "0% 至 100%";
        }
        return min.toPlainString() + " 至 " + max.toPlainString() + unit;
    }
}
