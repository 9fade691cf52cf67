package huiqi.web.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeriodsTest {
    @Test
    void everyStoredFormReadsAsChinese() {
        assertThat(Periods.chinese("2024-01-10..2024-03-31")).isEqualTo("2024年1月10日至2024年3月31日");
        assertThat(Periods.chinese("2024-02")).isEqualTo("2024年2月");
        assertThat(Periods.chinese("2024-Q1")).isEqualTo("2024年第一季度");
        assertThat(Periods.chinese("2024-Q4")).isEqualTo("2024年第四季度");
        assertThat(Periods.chinese("2023")).isEqualTo("2023年");
        assertThat(Periods.chinese("2024-02-01")).isEqualTo("2024年2月1日");
    }

    @Test
    void aMonthRangeReadsFromItsFirstToItsLastDay() {
        assertThat(Periods.chinese("2024-01..2024-03")).isEqualTo("2024年1月1日至2024年3月31日");
    }

    @Test
    void textThatIsNoPeriodIsShownAsItIs() {
        assertThat(Periods.chinese("一次性")).isEqualTo("一次性");
        assertThat(Periods.chinese(null)).isEqualTo("—");
    }

    @Test
    void rangesAndQuartersInASentenceReadAsChineseDatesStay() {
        assertThat(Periods.inText("纳税额[2024-Q1] 20,000元 ≥ 纳税额[2023-Q1]"))
                .isEqualTo("纳税额[2024年第一季度] 20,000元 ≥ 纳税额[2023年第一季度]");
        assertThat(Periods.inText("用电量[2024-02-10..2024-02-29]")).isEqualTo("用电量[2024年2月10日至2024年2月29日]");
        assertThat(Periods.inText("政策已于 2024-03-31 到期")).isEqualTo("政策已于 2024-03-31 到期");
        assertThat(Periods.inText(null)).isEmpty();
    }
}
