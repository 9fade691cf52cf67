package huiqi.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskGeneratorTest {
    static final LocalDate ISSUED = LocalDate.of(2024, 1, 10);

    static TaskSource.Measure measure(int n, String text, List<String> lead, List<String> resp, List<String> inherited,
                                      TaskSource.Target... targets) {
        return new TaskSource.Measure(n, "措施" + n, text, lead, resp, inherited, List.of(targets));
    }

    @Test
    void oneTaskPerUnitWithItsRole() {
        TaskSource doc = new TaskSource("d", "测政〔2024〕1号", "测试方案", ISSUED, ISSUED, LocalDate.of(2024, 3, 31),
                List.of(measure(1, "做好工作。", List.of("区财政局"), List.of("区税务局", "区财政局"), List.of("各街镇"))));
        List<SupervisionTask> tasks = new TaskGenerator().generate(doc);
        assertThat(tasks).extracting(SupervisionTask::unit, SupervisionTask::role).containsExactly(
                tuple("区财政局", UnitRole.LEAD), tuple("区税务局", UnitRole.RESPONSIBLE), tuple("各街镇", UnitRole.IMPLEMENTING));
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.start()).isEqualTo(ISSUED);
            assertThat(t.deadline()).isEqualTo(LocalDate.of(2024, 3, 31));
            assertThat(t.deadlineSource()).isEqualTo(DeadlineSource.DOCUMENT_VALIDITY);
        });
    }

    @Test
    void targetDeadlineFromItsOwnTextWins() {
        TaskSource.Target t = new TaskSource.Target("上半年新增5家", new BigDecimal("5"), "家", ">=");
        TaskSource doc = new TaskSource("d", null, "测试方案", ISSUED, ISSUED, LocalDate.of(2024, 3, 31),
                List.of(measure(1, "上半年新增5家。", List.of(), List.of("区工信局"), List.of(), t)));
        SupervisionTask task = new TaskGenerator().generate(doc).get(0);
        assertThat(task.deadline()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(task.deadlineSource()).isEqualTo(DeadlineSource.TARGET_TEXT);
        assertThat(task.targets()).singleElement().satisfies(x -> {
            assertThat(x.index()).isZero();
            assertThat(x.deadline()).isEqualTo(LocalDate.of(2024, 6, 30));
        });
    }

    @Test
    void targetWithoutTimeTakesTheMeasureThenTheDocumentDeadline() {
        TaskSource.Target t = new TaskSource.Target("新签约项目200个以上", new BigDecimal("200"), "个", ">=");
        TaskSource doc = new TaskSource("d", null, "测试方案", ISSUED, null, LocalDate.of(2024, 3, 31), List.of(
                measure(1, "新签约项目200个以上。政策执行至2024年12月31日。", List.of("甲"), List.of(), List.of(), t),
                measure(2, "新签约项目200个以上。", List.of("乙"), List.of(), List.of(), t)));
        List<SupervisionTask> tasks = new TaskGenerator().generate(doc);
        assertThat(tasks).extracting(SupervisionTask::deadline, SupervisionTask::deadlineSource).containsExactly(
                tuple(LocalDate.of(2024, 12, 31), DeadlineSource.MEASURE_TEXT),
                tuple(LocalDate.of(2024, 3, 31), DeadlineSource.DOCUMENT_VALIDITY));
    }

    @Test
    void withoutValidityTheTitlesQuarterThenTheYearEnd() {
        TaskSource quarter = new TaskSource("q", null, "泉州台商投资区 2024 年一季度经济社会发展工作方案",
                LocalDate.of(2024, 2, 1), null, null,
                List.of(measure(1, "做好工作。", List.of(), List.of("区财政金融与国资局"), List.of())));
        assertThat(new TaskGenerator().generate(quarter).get(0))
                .extracting(SupervisionTask::deadline, SupervisionTask::deadlineSource, SupervisionTask::start)
                .containsExactly(LocalDate.of(2024, 3, 31), DeadlineSource.DOCUMENT_PERIOD, LocalDate.of(2024, 2, 1));
        TaskSource plain = new TaskSource("p", null, "关于促进经济发展的若干措施", LocalDate.of(2023, 4, 11), null, null,
                List.of(measure(1, "做好工作。", List.of(), List.of("区商务局"), List.of())));
        assertThat(new TaskGenerator().generate(plain).get(0))
                .extracting(SupervisionTask::deadline, SupervisionTask::deadlineSource)
                .containsExactly(LocalDate.of(2023, 12, 31), DeadlineSource.ISSUE_YEAR);
    }

    @Test
    void taskDeadlineIsTheLatestTargetDeadline() {
        TaskSource.Target q1 = new TaskSource.Target("一季度开工19个", new BigDecimal("19"), "个", ">=");
        TaskSource.Target h1 = new TaskSource.Target("上半年完成投资2亿元", new BigDecimal("200000000"), "元", ">=");
        TaskSource doc = new TaskSource("d", null, "测试", ISSUED, ISSUED, LocalDate.of(2024, 3, 31),
                List.of(measure(1, "…", List.of(), List.of("甲"), List.of(), q1, h1)));
        SupervisionTask task = new TaskGenerator().generate(doc).get(0);
        assertThat(task.deadline()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(task.targets()).extracting(TaskTarget::deadline)
                .containsExactly(LocalDate.of(2024, 3, 31), LocalDate.of(2024, 6, 30));
    }
}
