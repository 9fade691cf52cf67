package huiqi.web.format;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as pages show them: thousands separated (165,953), decimals kept as stored (12,345.678), no
 * scientific notation. Used from templates as {@code ${T(huiqi.web.format.Figures).grouped(x)}}.
 */
public final class Figures {
    private Figures() {
    }

    public static String grouped(Number n) {
        if (n == null) {
            return "—";
        }
        BigDecimal v = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        int scale = Math.max(0, v.stripTrailingZeros().scale());
        f.setMinimumFractionDigits(scale);
        f.setMaximumFractionDigits(scale);
        return f.format(v);
    }
}
