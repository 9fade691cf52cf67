package huiqi.web.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.supervision.TaskStatus;
import huiqi.supervision.UnitRole;
import huiqi.web.policy.PolicyStore;
import huiqi.web.security.DemoAccounts;
import huiqi.web.security.Role;
import huiqi.web.security.UserAccounts;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The supervision pages against the real platform on the embedded PostgreSQL, role by role. */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupervisionIntegrationTest {
    static final String DOC = "sv-it";

    @LocalServerPort
    int port;
    @Autowired
    PolicyStore policies;
    @Autowired
    TaskStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder encoder;

    long gongxinTask;
    long tongjiTask;

    @BeforeAll
    void setUp() {
        SupervisionFixtures.insert(policies, DOC, "榕督测〔2026〕1号");
        store.syncAll();
        gongxinTask = taskId(1, "市工信局");
        tongjiTask = taskId(1, "市统计局");
        accounts.create("sv-qiye", encoder.encode(DemoAccounts.PASSWORD), Role.ENTERPRISE, "测试企业", null,
                "91350100MA2YYYYY0Y");
    }

    @AfterAll
    void tearDown() {
        SupervisionFixtures.remove(jdbc, DOC);
        jdbc.sql("delete from app_user where username = 'sv-qiye'").update();
    }

    long taskId(int measure, String unit) {
        return jdbc.sql("select id from supervision_task where document_id = ? and measure_number = ? and unit = ?")
                .params(DOC, measure, unit).query(Long.class).single();
    }

    WebSession login(String user) {
        return WebSession.login(port, user, DemoAccounts.PASSWORD);
    }

    @Test
    @Order(1)
    void tasksAreGeneratedPerMeasureAndUnitOnceOnly() {
        List<TaskRecord> ours = store.tasks().stream().filter(t -> t.documentId().equals(DOC)).toList();
        // each unit is the directory unit the 福州市 document means; 各县（市）区人民政府 is one task per district/county
        assertThat(ours.subList(0, 4)).extracting(TaskRecord::measureNumber, TaskRecord::unit, TaskRecord::role,
                TaskRecord::unitId).containsExactly(
                tuple(1, "市工信局", UnitRole.RESPONSIBLE, "350100/工信局"), tuple(1, "市统计局", UnitRole.RESPONSIBLE, "350100/统计局"),
                tuple(2, "市财政局", UnitRole.LEAD, "350100/财政局"), tuple(2, "市工信局", UnitRole.RESPONSIBLE, "350100/工信局"));
        List<TaskRecord> counties = ours.subList(4, ours.size());
        assertThat(counties).hasSize(13).allSatisfy(c -> {
            assertThat(c.measureNumber()).isEqualTo(2);
            assertThat(c.role()).isEqualTo(UnitRole.IMPLEMENTING);
            assertThat(c.resolved().mention()).isEqualTo("各县（市）区人民政府");
        });
        assertThat(counties).extracting(TaskRecord::unit).contains("福州市鼓楼区人民政府", "福州市仓山区人民政府", "福清市人民政府");
        TaskRecord t = ours.get(0);
        assertThat(t.targets()).hasSize(2);
        assertThat(t.deadline()).isEqualTo(SupervisionFixtures.end());
        assertThat(t.deadlineSource()).isEqualTo("文件有效期");
        assertThat(t.sourceText()).contains("力争新增规上工业企业20家以上");
        assertThat(store.sync(DOC)).as("a second generation adds nothing").isZero();
    }

    @Test
    @Order(2)
    void anOfficerSeesOnlyItsOwnUnitsTasks() {
        WebSession s = login("gongxin");
        HttpResponse<String> list = s.get("/supervision/tasks?document=" + DOC);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("推动企业升规纳统", "落实惠企资金兑现", "仅显示本单位")
                .doesNotContain("市统计局</span>").doesNotContain("市财政局</span>");
        assertThat(s.get("/supervision/tasks/" + gongxinTask).statusCode()).isEqualTo(200);
        assertThat(s.get("/supervision/tasks/" + tongjiTask).statusCode()).isEqualTo(403);
        assertThat(s.get("/supervision/dashboard").statusCode()).isEqualTo(403);
        assertThat(s.get("/supervision/export.xlsx").statusCode()).isEqualTo(403);
    }

    @Test
    @Order(3)
    void theUnitsOfficerReportsProgressAndTheStatusFollowsThePace() {
        WebSession s = login("gongxin");
        // day 50 of 100: 10 of 20 enterprises and 5亿 of 10亿 is exactly on pace
        Map<String, String> form = new HashMap<>(Map.of("reportedOn", SupervisionViews.today().toString(),
                "value0", "10", "value1", "500000000", "narrative", "已新增规上工业企业10家。"));
        HttpResponse<String> r = s.postForm("/supervision/tasks/" + gongxinTask + "/reports", form);
        assertThat(r.statusCode()).isEqualTo(302);
        String page = s.get("/supervision/tasks/" + gongxinTask).body();
        assertThat(page).contains("进展已报送", "推进中", "50.0%", "已新增规上工业企业10家。");

        // a hair below the pace on the same day
        form.put("value1", "499999999");
        s.postForm("/supervision/tasks/" + gongxinTask + "/reports", form);
        assertThat(s.get("/supervision/tasks/" + gongxinTask).body()).contains("滞后");
        assertThat(store.reports(gongxinTask)).hasSize(2);
    }

    @Test
    @Order(4)
    void badReportsAreRefusedWithReasonsAndStoreNothing() {
        WebSession s = login("gongxin");
        int before = store.reports(gongxinTask).size();
        s.postForm("/supervision/tasks/" + gongxinTask + "/reports", Map.of("reportedOn",
                SupervisionViews.today().plusDays(1).toString(), "value0", "-3", "narrative", ""));
        String page = s.get("/supervision/tasks/" + gongxinTask).body();
        assertThat(page).contains("报送日期不能晚于今天", "累计完成值须为不小于 0 的数字", "请填写工作进展情况");
        assertThat(store.reports(gongxinTask)).hasSize(before);
    }

    @Test
    @Order(5)
    void onlyTheTasksOwnUnitMayReport() {
        Map<String, String> form = Map.of("reportedOn", SupervisionViews.today().toString(), "value0", "20",
                "narrative", "越权报送");
        assertThat(login("caizheng").postForm("/supervision/tasks/" + gongxinTask + "/reports", form).statusCode())
                .isEqualTo(403);
        assertThat(login("admin").postForm("/supervision/tasks/" + gongxinTask + "/reports", form).statusCode())
                .isEqualTo(403);
        assertThat(login(SupervisionStartup.DEMO_USER)
                .postForm("/supervision/tasks/" + gongxinTask + "/reports", form).statusCode()).isEqualTo(403);
        assertThat(store.reports(gongxinTask)).noneMatch(r -> r.narrative().equals("越权报送"));
    }

    @Test
    @Order(6)
    void theSupervisionOfficeReadsEverythingAndWritesOnlyCommentsAndReminders() throws Exception {
        WebSession s = login(SupervisionStartup.DEMO_USER);
        assertThat(s.get("/supervision/tasks?document=" + DOC).body()).contains("市统计局", "市财政局", "市工信局");
        assertThat(s.get("/supervision/tasks/" + tongjiTask).statusCode()).isEqualTo(200);
        HttpResponse<String> board = s.get("/supervision/dashboard?document=" + DOC);
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains("督查看板", "data-sv-chart", "市统计局");

        assertThat(s.postForm("/supervision/tasks/" + tongjiTask + "/comments", Map.of("body", "请加快进度"))
                .statusCode()).isEqualTo(302);
        assertThat(store.comments(tongjiTask)).extracting(TaskStore.Comment::body, TaskStore.Comment::authorRole)
                .containsExactly(tuple("请加快进度", "督查室"));
        assertThat(s.postForm("/supervision/tasks/" + tongjiTask + "/reminders", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(s.postForm("/supervision/tasks/" + tongjiTask + "/edit",
                Map.of("deadline", "2030-01-01", "reason", "越权")).statusCode()).isEqualTo(403);
        // and nothing of the platform outside supervision
        assertThat(s.get("/policies").statusCode()).isEqualTo(403);
        assertThat(s.get("/enterprises").statusCode()).isEqualTo(403);
    }

    @Test
    @Order(7)
    void theExportIsAWorkbookWithTheStatusOfEveryTask() throws Exception {
        WebSession s = login(SupervisionStartup.DEMO_USER);
        HttpResponse<byte[]> r = s.sendBytes(HttpRequest.newBuilder(
                URI.create(s.base() + "/supervision/export.xlsx?document=" + DOC)).GET().build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet sheet = wb.getSheet("督查通报");
            assertThat(cells(sheet.getRow(0))).containsExactlyElementsOf(BulletinExport.TASK_COLUMNS);
            assertThat(sheet.getLastRowNum()).isEqualTo(17);
            Row gongxin = rowOf(sheet, "市工信局", 1);
            assertThat(gongxin.getCell(11).getStringCellValue()).isEqualTo(TaskStatus.BEHIND.label());
            assertThat(gongxin.getCell(7).getStringCellValue()).contains("目标1：10", "目标2：499999999");
            Row tongji = rowOf(sheet, "市统计局", 1);
            assertThat(tongji.getCell(16).getStringCellValue()).isEqualTo("请加快进度");
            Sheet units = wb.getSheet("单位汇总");
            assertThat(cells(units.getRow(0))).containsExactlyElementsOf(BulletinExport.UNIT_COLUMNS);
            assertThat(units.getRow(units.getLastRowNum()).getCell(1).getNumericCellValue()).isEqualTo(17);
        }
    }

    @Test
    @Order(8)
    void theUnitReadsItsReminderAndMarksItRead() {
        long statsReminder = jdbc.sql("select id from supervision_reminder where task_id = ?").param(tongjiTask)
                .query(Long.class).single();
        WebSession gongxin = login("gongxin");
        assertThat(gongxin.get("/supervision/reminders").body()).doesNotContain("市统计局");
        assertThat(gongxin.postForm("/supervision/reminders/" + statsReminder + "/read", Map.of()).statusCode())
                .isEqualTo(403);
        // a reminder to 市工信局, then read by its officer
        login("admin").postForm("/supervision/tasks/" + gongxinTask + "/reminders", Map.of("message", "请于月底前报送"));
        assertThat(login("admin").postForm("/supervision/tasks/" + gongxinTask + "/reminders", Map.of()).statusCode())
                .as("no second reminder while one is unread").isEqualTo(302);
        List<ReminderStore.Reminder> mine = new ReminderStore(jdbc).list("350100/工信局", 10).stream()
                .filter(x -> x.taskId() == gongxinTask).toList();
        assertThat(mine).singleElement().satisfies(x -> assertThat(x.message()).isEqualTo("请于月底前报送"));
        String list = gongxin.get("/supervision/reminders").body();
        assertThat(list).contains("请于月底前报送", "未读");
        assertThat(gongxin.postForm("/supervision/reminders/" + mine.get(0).id() + "/read", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(new ReminderStore(jdbc).unreadCount("350100/工信局")).isZero();
    }

    @Test
    @Order(9)
    void anAdministratorCorrectsATaskAndTheEditIsAudited() {
        WebSession admin = login("admin");
        HttpResponse<String> r = admin.postForm("/supervision/tasks/" + gongxinTask + "/edit", Map.of(
                "deadline", SupervisionFixtures.end().plusDays(10).toString(), "quantity0", "25", "unit0", "家",
                "comparator0", ">=", "quantity1", "1000000000", "unit1", "元", "comparator1", ">=",
                "reason", "市政府常务会议调整目标"));
        assertThat(r.statusCode()).isEqualTo(302);
        TaskRecord t = store.task(gongxinTask).orElseThrow();
        assertThat(t.deadline()).isEqualTo(SupervisionFixtures.end().plusDays(10));
        assertThat(t.deadlineSource()).isEqualTo("管理员修改");
        assertThat(t.targets().get(0).quantity()).isEqualByComparingTo("25");
        assertThat(t.sourceTargets().get(0).quantity()).isEqualByComparingTo("20");
        assertThat(t.sourceDeadline()).isEqualTo(SupervisionFixtures.end());
        assertThat(t.sourceText()).contains("力争新增规上工业企业20家以上");
        assertThat(store.edits(gongxinTask)).extracting(TaskStore.Edit::field, TaskStore.Edit::oldValue,
                TaskStore.Edit::newValue, TaskStore.Edit::editedBy).containsExactly(
                tuple("截止日期", SupervisionFixtures.end().toString(), SupervisionFixtures.end().plusDays(10).toString(),
                        "admin"),
                tuple("目标1数值", "20", "25", "admin"));
        assertThat(admin.get("/supervision/tasks/" + gongxinTask).body()).contains("修改记录", "市政府常务会议调整目标");
        assertThat(login("gongxin").postForm("/supervision/tasks/" + gongxinTask + "/edit",
                Map.of("deadline", "2030-01-01", "reason", "x")).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(10)
    void enterprisesAreRefusedEverywhereInSupervision() {
        WebSession s = login("sv-qiye");
        for (String path : List.of("/supervision/tasks", "/supervision/tasks/" + gongxinTask, "/supervision/dashboard",
                "/supervision/export.xlsx", "/supervision/reminders")) {
            assertThat(s.get(path).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(s.postForm("/supervision/tasks/" + gongxinTask + "/comments", Map.of("body", "x")).statusCode())
                .isEqualTo(403);
    }

    private static List<String> cells(Row row) {
        List<String> out = new java.util.ArrayList<>();
        row.forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }

    private static Row rowOf(Sheet sheet, String unit, int measure) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && row.getCell(4).getStringCellValue().equals(unit)
                    && (int) row.getCell(2).getNumericCellValue() == measure) {
                return row;
            }
        }
        throw new AssertionError("no row for " + unit);
    }
}
