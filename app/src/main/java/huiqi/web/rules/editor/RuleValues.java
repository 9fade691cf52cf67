package huiqi.web.rules.editor;

import huiqi.quantity.Unit;
import huiqi.quantity.Units;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Parameter values on the pages as an officer reads them ({@code @ruleValues.human(...)} in templates). */
@Component("ruleValues")
public class RuleValues {
    /** @param unit the unit as {@code Unit.describe()} writes it ("元", "元/千瓦时", "无量纲") */
    public String human(BigDecimal value, String unit) {
        if (value == null) {
            return "";
        }
        Unit u = "无量纲".equals(unit) ? Unit.NONE : Units.parse(unit).map(Units.Scaled::unit).orElse(null);
        return u == null ? value.toPlainString() + " " + unit : Quantities.format(value, u);
    }

    /** "2024-01-10 起", or nothing for a value that holds for all dates. */
    public String from(LocalDate date) {
        return date == null || date.equals(LocalDate.MIN) ? "" : date + " 起 ";
    }
}
