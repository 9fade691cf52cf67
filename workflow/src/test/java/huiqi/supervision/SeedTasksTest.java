package huiqi.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import huiqi.policy.Measure;
import huiqi.policy.PolicyDocument;
import huiqi.policy.PolicyLibrary;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Task generation against the three seed documents as the core parser reads them. */
class SeedTasksTest {
    static final PolicyLibrary LIBRARY = PolicyLibrary.locate();
    static Map<String, PolicyDocument> docs;

    @BeforeAll
    static void load() throws Exception {
        docs = LIBRARY.loadAll();
    }

    static List<SupervisionTask> tasks(String id) {
        return PolicyTasks.generate(id, docs.get(id));
    }

    static List<SupervisionTask> tasksOf(String id, int measure) {
        return tasks(id).stream().filter(t -> t.measureNumber() == measure).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fz-2024-2", "qt-2024-3", "gl-2023-1"})
    void everyMeasureHasOneTaskPerUnitWithItsRole(String id) {
        PolicyDocument doc = docs.get(id);
        Map<Integer, List<SupervisionTask>> byMeasure = tasks(id).stream()
                .collect(Collectors.groupingBy(SupervisionTask::measureNumber));
        assertThat(byMeasure.keySet()).containsExactlyInAnyOrderElementsOf(
                doc.measures().stream().map(Measure::number).toList());
        for (Measure m : doc.measures()) {
            List<SupervisionTask> ts = byMeasure.get(m.number());
            assertThat(ts).as("measure %d", m.number()).isNotEmpty();
            assertThat(ts).extracting(SupervisionTask::unit).containsExactlyElementsOf(m.allUnits());
            for (SupervisionTask t : ts) {
                UnitRole expected = m.leadUnits().contains(t.unit()) ? UnitRole.LEAD
                        : m.responsibleUnits().contains(t.unit()) ? UnitRole.RESPONSIBLE : UnitRole.IMPLEMENTING;
                assertThat(t.role()).as("%s measure %d %s", id, m.number(), t.unit()).isEqualTo(expected);
                assertThat(t.targets()).hasSameSizeAs(m.targets());
                assertThat(t.deadline()).isNotNull();
                assertThat(t.start()).isEqualTo(doc.effectiveFrom());
            }
        }
    }

    @Test
    void fuzhouBlanketClauseOfMeasureOneReachesEveryFollowingMeasure() {
        assertThat(docs.get("fz-2024-2").measures()).hasSize(27);
        assertThat(tasksOf("fz-2024-2", 1)).extracting(SupervisionTask::unit, SupervisionTask::role).containsExactly(
                tuple("市财政局", UnitRole.RESPONSIBLE), tuple("市税务局", UnitRole.RESPONSIBLE),
                tuple("各县（市）区人民政府", UnitRole.RESPONSIBLE), tuple("高新区管委会", UnitRole.RESPONSIBLE));
        assertThat(tasksOf("fz-2024-2", 7)).extracting(SupervisionTask::unit, SupervisionTask::role).containsExactly(
                tuple("市工信局", UnitRole.RESPONSIBLE), tuple("市财政局", UnitRole.RESPONSIBLE),
                tuple("福州供电公司", UnitRole.RESPONSIBLE),
                tuple("各县（市）区人民政府", UnitRole.IMPLEMENTING), tuple("高新区管委会", UnitRole.IMPLEMENTING));
        for (int n = 2; n <= 27; n++) {
            assertThat(tasksOf("fz-2024-2", n)).as("measure %d", n)
                    .extracting(SupervisionTask::unit, SupervisionTask::role)
                    .contains(tuple("各县（市）区人民政府", UnitRole.IMPLEMENTING), tuple("高新区管委会", UnitRole.IMPLEMENTING));
        }
    }

    @Test
    void fuzhouDeadlinesAreTheQuarterItRunsFor() {
        // valid to 2024-03-31; the targets name 一季度 (2024-03-31) or nothing
        assertThat(tasks("fz-2024-2")).allSatisfy(t -> {
            assertThat(t.start()).isEqualTo(LocalDate.of(2024, 1, 10));
            assertThat(t.deadline()).isEqualTo(LocalDate.of(2024, 3, 31));
        });
        SupervisionTask guarantee = tasksOf("fz-2024-2", 4).get(0);
        assertThat(guarantee.deadlineSource()).isEqualTo(DeadlineSource.TARGET_TEXT);
        assertThat(guarantee.targets()).isNotEmpty();
        assertThat(tasksOf("fz-2024-2", 7).get(0).deadlineSource()).isEqualTo(DeadlineSource.DOCUMENT_VALIDITY);
    }

    @Test
    void quanzhouHasNoValidityClauseSoTheTitlesQuarterApplies() {
        PolicyDocument qt = docs.get("qt-2024-3");
        assertThat(qt.effectiveUntil()).isNull();
        assertThat(qt.measures()).hasSize(35);
        assertThat(tasks("qt-2024-3")).allSatisfy(t -> {
            assertThat(t.deadline()).isEqualTo(LocalDate.of(2024, 3, 31));
            assertThat(t.deadlineSource()).isIn(DeadlineSource.DOCUMENT_PERIOD, DeadlineSource.TARGET_TEXT);
        });
        // "以下均需各乡镇人民政府落实，不再列出" in measure 1
        assertThat(tasksOf("qt-2024-3", 1)).extracting(SupervisionTask::unit, SupervisionTask::role)
                .contains(tuple("各乡镇人民政府", UnitRole.RESPONSIBLE));
        for (int n = 2; n <= 35; n++) {
            assertThat(tasksOf("qt-2024-3", n)).as("measure %d", n)
                    .extracting(SupervisionTask::unit, SupervisionTask::role)
                    .contains(tuple("各乡镇人民政府", UnitRole.IMPLEMENTING));
        }
        // 力争一季度实施重点工业投资项目40个以上 …
        SupervisionTask projects = tasksOf("qt-2024-3", 10).get(0);
        assertThat(projects.unit()).isEqualTo("区科技经济发展局");
        assertThat(projects.targets()).anySatisfy(t -> {
            assertThat(t.quantity()).isEqualByComparingTo("40");
            assertThat(t.deadline()).isEqualTo(LocalDate.of(2024, 3, 31));
        });
    }

    @Test
    void gulouLeadUnitsAndTheBlanketClauseOfMeasureOne() {
        assertThat(docs.get("gl-2023-1").measures()).hasSize(37);
        assertThat(tasksOf("gl-2023-1", 17)).extracting(SupervisionTask::unit, SupervisionTask::role).containsExactly(
                tuple("区财政局", UnitRole.LEAD), tuple("各街镇", UnitRole.IMPLEMENTING),
                tuple("福州软件园", UnitRole.IMPLEMENTING));
        assertThat(tasksOf("gl-2023-1", 1)).extracting(SupervisionTask::unit, SupervisionTask::role).containsExactly(
                tuple("鼓楼税务局", UnitRole.LEAD), tuple("各街镇", UnitRole.RESPONSIBLE),
                tuple("福州软件园", UnitRole.RESPONSIBLE));
        for (int n = 2; n <= 37; n++) {
            assertThat(tasksOf("gl-2023-1", n)).as("measure %d", n).extracting(SupervisionTask::role)
                    .contains(UnitRole.IMPLEMENTING);
        }
    }

    @Test
    void gulouMeasureSixteenRunsToItsOwnEndDate() {
        // 持续返还小微企业工会经费 … 政策执行至2024年12月31日 (the document itself ends 2023-12-31)
        assertThat(tasksOf("gl-2023-1", 16)).allSatisfy(t -> {
            assertThat(t.deadline()).isEqualTo(LocalDate.of(2024, 12, 31));
            assertThat(t.deadlineSource()).isIn(DeadlineSource.MEASURE_TEXT, DeadlineSource.TARGET_TEXT);
        });
        assertThat(tasksOf("gl-2023-1", 17)).allSatisfy(t -> {
            assertThat(t.deadline()).isEqualTo(LocalDate.of(2023, 12, 31));
            assertThat(t.deadlineSource()).isEqualTo(DeadlineSource.DOCUMENT_VALIDITY);
        });
    }
}
