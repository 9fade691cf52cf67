package huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.Facts;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.file.RuleFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** date ± N天 / N月 and date − date in rule expressions (#17 item 2). */
class DateArithmeticTest {
    @TempDir
    Path tmp;

    private final Evaluator evaluator = new Evaluator(RuleFixture.CATALOG);

    private RuleResult eval(String body, LocalDate licence) throws Exception {
        RuleFile f = RuleFixture.load(tmp, RuleFixture.rule1(body));
        Map<String, Object> attrs = licence == null ? Map.of() : Map.of("licence_date", licence);
        return evaluator.evaluateFile(f, new EnterpriseRecord(new Enterprise("X", "企业", "350102", "C3311", "中型", attrs),
                Facts.empty()), null, Overrides.NONE).get("test-1/1");
    }

    /** “取得许可证未满一年” on 2024-02-29, and a subsidy per day from the licence to that day. */
    private static final String WITHIN_A_YEAR = """
                eligible:
                  - { expr: licence_date + 12月 > 2024-02-29, label: 取得许可证未满一年 }
                amount: (2024-02-29 - licence_date + 1天) * 10元/天
            """;

    @Test
    void monthsAreCalendarMonthsClampedToTheMonthsEnd() throws Exception {
        assertThat(eval(WITHIN_A_YEAR, LocalDate.of(2023, 2, 28)).status()).isEqualTo(Status.INELIGIBLE); // +12月 = 2024-02-28
        assertThat(eval(WITHIN_A_YEAR, LocalDate.of(2023, 3, 1)).amount()).isEqualByComparingTo("3660"); // 366 days
        // 2024-01-31 + 1月 = 2024-02-29 (clamped), not past it
        assertThat(eval(WITHIN_A_YEAR.replace("12月", "1月"), LocalDate.of(2024, 1, 31)).status()).isEqualTo(Status.INELIGIBLE);
        assertThat(eval(WITHIN_A_YEAR, null).status()).isEqualTo(Status.UNDETERMINABLE);
    }

    @Test
    void daysAreAddedAndSubtracted() throws Exception {
        String body = """
                eligible:
                  - { expr: licence_date - 30天 >= 2024-01-01, label: 许可证晚于2024年1月31日 }
                amount: 1元
            """;
        assertThat(eval(body, LocalDate.of(2024, 1, 31)).status()).isEqualTo(Status.ELIGIBLE);
        assertThat(eval(body, LocalDate.of(2024, 1, 30)).status()).isEqualTo(Status.INELIGIBLE);
        // a duration that is not whole is unknown, with the reason
        RuleResult half = eval(body.replace("30天", "30天 * 50%"), LocalDate.of(2024, 1, 31));
        assertThat(half.status()).isEqualTo(Status.ELIGIBLE);
        RuleResult odd = eval(body.replace("30天", "31天 * 50%"), LocalDate.of(2024, 1, 31));
        assertThat(odd.status()).isEqualTo(Status.UNDETERMINABLE);
        assertThat(odd.explanation()).anyMatch(l -> l.contains("不是整数"));
    }

    /** “days of a window” (#17 item 2): days(P) counts a period's days, both ends included, leap February too. */
    @Test
    void daysOfAWindowCountBothEnds() throws Exception {
        String body = """
                amount: days(PERIOD) * 1元/天
            """;
        Map<String, String> days = Map.of("2024-02", "29", "2023-02", "28", "2024-Q1", "91", "2024-01..2024-12", "366",
                "2024-02-10..2024-02-17", "8", "2024-02-10..2024-02-10", "1", "2024-01..2024-03", "91");
        days.forEach((period, n) -> {
            try {
                RuleResult r = eval(body.replace("PERIOD", period), null);
                assertThat(r.amount()).as(period).isEqualByComparingTo(n);
            } catch (Exception e) {
                throw new AssertionError(period, e);
            }
        });
        assertThat(eval(body.replace("PERIOD", "2024-02"), null).explanation())
                .anyMatch(l -> l.startsWith("金额 = 2024-02 的天数"));
        // a bare year reads as a number in an expression: refused with the way to write it
        assertThatThrownBy(() -> eval(body.replace("PERIOD", "2024"), null)).hasMessageContaining("days() 需要一个期间常量");
    }

    @Test
    void theCheckerTypesDatesAndDurations() throws Exception {
        assertThatThrownBy(() -> eval(WITHIN_A_YEAR.replace("12月", "12"), null)).hasMessageContaining("日期只能加减天数或月数")
                .hasMessageContaining("写上单位");
        assertThatThrownBy(() -> eval(WITHIN_A_YEAR.replace("licence_date + 12月", "licence_date + licence_date"), null))
                .hasMessageContaining("两个日期不能相加");
        assertThatThrownBy(() -> eval(WITHIN_A_YEAR.replace("12月", "12元"), null)).hasMessageContaining("实为 数值（元）");
        assertThatThrownBy(() -> eval(WITHIN_A_YEAR.replace("12月", "365天 / 2"), null)).hasMessageContaining("不能含除法");
        assertThatThrownBy(() -> eval(WITHIN_A_YEAR.replace("* 10元/天", "* 10元"), null)).hasMessageContaining("金额");
    }
}
