package huiqi.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TimePhrasesTest {

    @ParameterizedTest
    @CsvSource({
            "力争一季度实施重点工业投资项目40个以上, 2024-03-31",
            "力争2024年一季度担保放大倍数同比上升25%, 2024-03-31",
            "第二季度完成投资2亿元, 2024-06-30",
            "首季新开工项目15个, 2024-03-31",
            "1-2月工业用电同比增量1.5万千瓦时, 2024-02-29",
            "3月底前完成, 2024-03-31",
            "2024年6月30日前完成签约, 2024-06-30",
            "上半年新增5家, 2024-06-30",
            "全年组织促销活动10场, 2024-12-31",
            "到2025年底建成, 2025-12-31",
            "力争２０２４年一季度新增　５家, 2024-03-31",
    })
    void readsTheLastDayOfTheNamedPeriod(String text, LocalDate expected) {
        assertThat(TimePhrases.deadline(text, 2024)).contains(expected);
    }

    @Test
    void noTimePhraseNoDeadline() {
        assertThat(TimePhrases.deadline("新签约亿元以上招商项目200个以上", 2024)).isEmpty();
    }

    @Test
    void measureEndDate() {
        assertThat(TimePhrases.measureUntil("对全年上缴工会经费低于1万元的小微企业返还。政策执行至2024年12月31日。"))
                .contains(LocalDate.of(2024, 12, 31));
        assertThat(TimePhrases.measureUntil("按规定执行。")).isEmpty();
    }

    @Test
    void documentYearFromTitle() {
        assertThat(TimePhrases.yearOf("泉州台商投资区 2024 年一季度经济社会发展工作方案", 2023)).isEqualTo(2024);
        assertThat(TimePhrases.yearOf("关于进一步促进经济发展的若干措施", 2023)).isEqualTo(2023);
    }
}
