package huiqi.web.fulfilment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;

/** Yuan amounts for messages and pages: 12,345.60 元. */
public final class Money {
    private Money() {
    }

    public static String yuan(BigDecimal v) {
        if (v == null) {
            return "—";
        }
        return new DecimalFormat("#,##0.00").format(v.setScale(2, RoundingMode.HALF_UP)) + " 元";
    }
}
