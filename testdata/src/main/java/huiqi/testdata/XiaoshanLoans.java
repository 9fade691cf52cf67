package huiqi.testdata;

import huiqi.facts.Item;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * 萧山 manufacturers (萧经信发〔2023〕13号, xs-2023-13/1): 亩均效益 class, the 专精特新小巨人/隐形冠军/… flags, one to
 * four bank loans (some repaid within 2022, so not in the year-end balance) and the 2021 and 2022 year-end balances.
 * The increase of the balance is drawn so that the rule meets every case: no increase (or a decrease), exactly the
 * newest loan(s), part of an older loan, more than all the loans alive at the end of 2022, and a few very large
 * loans whose subsidy stops at the 100万元 cap.
 */
final class XiaoshanLoans {
    private static final LocalDate END_2022 = LocalDate.of(2022, 12, 31);
    private static final List<String> MU_CLASSES = List.of("A类", "B类", "B类", "C类", "D类", "未参评");
    private static final List<String> CHAMPION_FLAGS = List.of("little_giant", "hidden_champion", "single_champion",
            "unicorn", "quasi_unicorn");

    private record Loan(String id, LocalDate start, LocalDate end, BigDecimal amount, BigDecimal interest) {
    }

    private XiaoshanLoans() {
    }

    static void fill(SyntheticEnterprise e, SplittableRandom r) {
        // 萧山 is an industrial district: three in four of its manufacturers are 规上 (in the 统计年报库)
        e.flag("above_scale_industrial", r.nextDouble() < 0.75);
        e.attribute("mu_efficiency_class", MU_CLASSES.get(r.nextInt(MU_CLASSES.size())));
        String champion = r.nextDouble() < 0.15 ? CHAMPION_FLAGS.get(r.nextInt(CHAMPION_FLAGS.size())) : null;
        CHAMPION_FLAGS.forEach(f -> e.flag(f, f.equals(champion)));
        boolean huge = r.nextDouble() < 0.1; // a loan of 4–8亿元 drawn in 2022-01..05: often above 1250万元 of 2022 interest, the cap
        List<Loan> loans = new ArrayList<>();
        int count = 1 + r.nextInt(4);
        for (int i = 0; i < count; i++) {
            LocalDate start = huge && i == 0 ? LocalDate.of(2022, 1 + r.nextInt(5), 1 + r.nextInt(28))
                    : LocalDate.of(2021 + r.nextInt(2), 1 + r.nextInt(12), 1 + r.nextInt(28));
            LocalDate end = r.nextDouble() < 0.15 ? start.plusMonths(1 + r.nextInt(6)) : start.plusMonths(12L + r.nextInt(25));
            double yuan = huge && i == 0 ? RealisticPopulation.logUniform(r, 400_000_000, 800_000_000)
                    : RealisticPopulation.logUniform(r, 1_000_000, 50_000_000);
            BigDecimal amount = BigDecimal.valueOf(Math.round(yuan / 10_000) * 10_000L);
            // days of 2022 the loan ran, both ends counted: a loan drawn on 2022-12-31 has paid a day's interest
            long days2022 = Math.max(0, Math.min(end.toEpochDay(), END_2022.toEpochDay())
                    - Math.max(start.toEpochDay(), LocalDate.of(2022, 1, 1).toEpochDay()) + 1);
            double rate = 0.03 + r.nextDouble() * 0.03;
            BigDecimal interest = RealisticPopulation.money(amount.doubleValue() * rate * days2022 / 365);
            loans.add(new Loan("DK" + e.index + "-" + (i + 1), start, end, amount, interest));
        }
        BigDecimal opening = RealisticPopulation.money(RealisticPopulation.logUniform(r, 5_000_000, 200_000_000));
        RealisticPopulation.maybe(e, r, "bank_loan_balance", "2021", opening);
        RealisticPopulation.maybe(e, r, "bank_loan_balance", "2022", opening.add(increase(loans, r)));
        for (Loan l : loans) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("start", l.start());
            f.put("end", l.end());
            f.put("amount", l.amount());
            if (r.nextInt(50) != 0) { // now and then a loan's interest is not given
                f.put("interest_paid", l.interest());
            }
            e.item(new Item("loans", l.id(), f));
        }
    }

    /** The 2022 increase of the year-end balance, measured against the loans alive at the end of 2022, newest first. */
    private static BigDecimal increase(List<Loan> loans, SplittableRandom r) {
        List<BigDecimal> alive = loans.stream().filter(l -> !l.start().isAfter(END_2022) && l.end().isAfter(END_2022))
                .sorted(Comparator.comparing(Loan::start).reversed()).map(Loan::amount).toList();
        BigDecimal all = alive.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        double shape = r.nextDouble();
        if (shape < 0.2 || all.signum() == 0) {
            return shape < 0.1 ? BigDecimal.ZERO : RealisticPopulation.money(-RealisticPopulation.logUniform(r, 100_000, 5_000_000));
        }
        if (shape < 0.5) { // exactly the newest loan(s)
            return alive.subList(0, 1 + r.nextInt(alive.size())).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        if (shape < 0.9) { // the newest loans and part of an older one
            return all.multiply(BigDecimal.valueOf(0.1 + r.nextDouble() * 0.85)).setScale(2, RoundingMode.HALF_UP);
        }
        return all.add(RealisticPopulation.money(RealisticPopulation.logUniform(r, 100_000, 10_000_000)));
    }
}
