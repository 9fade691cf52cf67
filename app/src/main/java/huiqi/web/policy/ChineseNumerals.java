package huiqi.web.policy;

import huiqi.quantity.ChineseNumbers;
import org.springframework.stereotype.Component;

/** For templates: {@code ${@chineseNumerals.ordinal(c.number)}} writes a chapter number as 一、二、… */
@Component("chineseNumerals")
public class ChineseNumerals {
    public String ordinal(Integer n) {
        return n == null ? "" : ChineseNumbers.ordinal(n);
    }
}
