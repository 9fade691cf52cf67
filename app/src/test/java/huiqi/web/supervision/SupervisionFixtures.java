package huiqi.web.supervision;

import huiqi.web.policy.DocumentDraft;
import huiqi.web.policy.PolicyStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small document in the shape of the seeds, dated around today so that the pace is meaningful: valid from 50
 * days ago to 50 days ahead (100 days, so each day is 1% of the pace).
 */
final class SupervisionFixtures {
    private SupervisionFixtures() {
    }

    static LocalDate start() {
        return SupervisionViews.today().minusDays(50);
    }

    static LocalDate end() {
        return SupervisionViews.today().plusDays(50);
    }

    /** Removes the document again (its tasks, reports, comments and reminders go with it), so that tests
     * sharing the platform's database still see only the seed library. */
    static void remove(JdbcClient jdbc, String id) {
        jdbc.sql("delete from policy_document where id = ?").param(id).update();
    }

    /** Inserts the document, generates its tasks and returns the id of measure 1's task for 市工信局. */
    static long insertWithTask(PolicyStore policies, TaskStore tasks, JdbcClient jdbc, String id) {
        insert(policies, id, "榕督测〔2026〕9号");
        tasks.syncAll();
        return jdbc.sql("select id from supervision_task where document_id = ? and measure_number = 1 and unit = '市工信局'")
                .param(id).query(Long.class).single();
    }

    static void insert(PolicyStore policies, String id, String docNumber) {
        var m1 = new DocumentDraft.Measure(1, "1", "推动企业升规纳统",
                "推动企业升规纳统。力争新增规上工业企业20家以上，确保新增纳统企业产值10亿元。"
                        + "〔责任单位：市工信局、市统计局。以下均需各县（市）区人民政府落实，不再一一列出〕",
                List.of(), List.of("市工信局", "市统计局"), List.of(),
                List.of(new DocumentDraft.Target("力争新增规上工业企业20家以上", new BigDecimal("20"), "家", ">=", null),
                        new DocumentDraft.Target("确保新增纳统企业产值10亿元", new BigDecimal("1000000000"), "元", ">=", null)),
                List.of());
        var m2 = new DocumentDraft.Measure(2, "2", "落实惠企资金兑现",
                "落实惠企资金兑现。及时拨付各项奖补资金。（牵头单位：市财政局；责任单位：市工信局）",
                List.of("市财政局"), List.of("市工信局"), List.of("各县（市）区人民政府"), List.of(), List.of());
        DocumentDraft d = new DocumentDraft(id, docNumber, "福州市人民政府办公厅", "关于印发督查测试方案的通知",
                start(), start(), end(), new DocumentDraft.Region("350100", "福州市"), "市",
                List.of(new DocumentDraft.Chapter("1", "稳工业")), List.of(m1, m2), List.of(), "督查测试方案 原文");
        policies.insert(d, "upload", "source.txt", null, "admin");
    }
}
