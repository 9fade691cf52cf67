package huiqi.rules.lang;

import huiqi.facts.Granularity;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * How a stock indicator (indicators.yaml {@code kind: stock}: 参保人数, 从业人员, 资产总额) may be read: one reporting
 * period, {@code avg(x[P])} (the mean of its reporting periods in P) or {@code end_of(x[P])} (its last reporting
 * period in P). Summing it over several periods is refused: a year's headcount is not the sum of twelve months.
 */
final class StockReads {
    private StockReads() {
    }

    /** x[P] outside avg/end_of/daily_avg: P must be a single reporting period of a stock. */
    static void refuseSum(IndicatorCatalog.Indicator ind, Expr.PeriodRef ref, Span span) {
        if (!ind.stock() || !(ref instanceof Expr.Fixed f) || isOnePeriod(f.period(), ind.granularity())) {
            return;
        }
        String p = f.period().toString();
        throw new ExprException("指标 " + ind.id() + "（" + ind.name() + "）是存量（时点数），按" + Checker.granularityName(ind.granularity())
                + "报送，不能把 " + p + " 的各期相加；平均值写 avg(" + ind.id() + "[" + p + "])，期末值写 end_of(" + ind.id()
                + "[" + p + "])", span);
    }

    /** sum(for m in R return x[m]) of a stock adds its months up. */
    static void refuseMonthlySum(IndicatorCatalog.Indicator ind, Period range, Span span) {
        if (ind.stock() && range.months().size() > 1) {
            throw new ExprException("指标 " + ind.id() + "（" + ind.name() + "）是存量（时点数），sum(for …) 会把各月相加；月平均写 avg("
                    + ind.id() + "[" + range + "])，期末值写 end_of(" + ind.id() + "[" + range + "])", span);
        }
    }

    /** The catalog indicator named by the argument of avg()/end_of()/daily_avg(), or an error showing the form. */
    static IndicatorCatalog.Indicator indicatorArg(String fn, Expr arg, IndicatorCatalog catalog) {
        if (arg instanceof Expr.Index ix && ix.target() instanceof Expr.Name n && catalog.indicator(n.name()).isPresent()) {
            return catalog.indicator(n.name()).get();
        }
        throw new ExprException(fn + "() 的参数必须是带期间的指标，如 " + fn + "(insured_headcount[2023-01..2023-12])", arg.span());
    }

    /** The indicator's last reporting period inside {@code p} (the checker has made sure p is aligned to them). */
    static Period lastPeriod(Period p, IndicatorCatalog.Indicator ind) {
        return lastPeriod(p, ind.granularity());
    }

    static boolean isOnePeriod(Period p, Granularity g) {
        Period last = lastPeriod(p, g);
        return last.start().equals(p.start()) && last.end().equals(p.end());
    }

    private static Period lastPeriod(Period p, Granularity g) {
        LocalDate end = p.end();
        return switch (g) {
            case DAY -> new Period.Day(end);
            case MONTH -> new Period.Month(YearMonth.from(end));
            case QUARTER -> new Period.Quarter(end.getYear(), (end.getMonthValue() - 1) / 3 + 1);
            case YEAR -> new Period.Year(end.getYear());
        };
    }
}
