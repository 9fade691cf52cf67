package huiqi.web.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.Multipart;
import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.web.policy.DocumentDraft;
import huiqi.web.policy.PolicyStore;
import huiqi.web.security.DemoAccounts;
import huiqi.web.security.Role;
import huiqi.web.security.UserAccounts;
import huiqi.web.supervision.SupervisionViews;
import huiqi.web.supervision.TaskStore;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The directory as 管理员 keeps it (seed, aliases, import, merge, deactivate, all audited) and mention mapping. */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationDirectoryTest {
    static final String DOC = "org-mapping";

    @LocalServerPort
    int port;
    @Autowired
    OrgStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PolicyStore policies;
    @Autowired
    TaskStore tasks;

    @AfterAll
    void tearDown() {
        jdbc.sql("delete from policy_document where id = ?").param(DOC).update();
        jdbc.sql("delete from app_user where username in ('org-dup', 'org-form')").update();
        jdbc.sql("delete from org_unit_alias where unit_id = '350102/福州市鼓楼区机关事务服务中心'").update();
        jdbc.sql("delete from org_unit where id = '350102/福州市鼓楼区机关事务服务中心'").update();
    }

    WebSession admin() {
        return WebSession.login(port, "admin", DemoAccounts.PASSWORD);
    }

    static byte[] xlsx(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("单位");
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    HttpResponse<String> upload(WebSession s, byte[] file) {
        return s.send(new Multipart().file("file", "单位.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file).post(s, "/organisations/import"));
    }

    @Test
    void theSeedIsLoadedWithItsSourcesAndAudited() {
        assertThat(store.find("350102/人社局")).get().satisfies(u -> {
            assertThat(u.name()).isEqualTo("福州市鼓楼区人力资源和社会保障局");
            assertThat(u.type()).isEqualTo("部门");
            assertThat(u.level()).isEqualTo("县区");
            assertThat(u.parentId()).isEqualTo("350102/人民政府");
            assertThat(u.source()).isEqualTo("gl-2023-1");
        });
        assertThat(store.aliases("350102/人社局")).contains("区人社局", "鼓楼区人社局", "人社局");
        assertThat(store.audit("350102/人社局", 10)).anySatisfy(a -> assertThat(a.action()).isEqualTo("种子导入"));
        assertThat(admin().get("/organisations?q=人社局").body()).contains("福州市仓山区人力资源和社会保障局");
        assertThat(WebSession.login(port, "gongxin", DemoAccounts.PASSWORD).get("/organisations").statusCode()).isEqualTo(403);
    }

    @Test
    void anImportIsAllOrNothingAndADuplicateIsMergedWithItsAccount() throws Exception {
        WebSession s = admin().csrfFrom("/organisations");
        List<String> header = List.of("规范全称", "类型", "区划代码", "所属政府", "上级单位", "简称", "别名", "来源");
        byte[] bad = xlsx(List.of(header,
                List.of("福州市鼓楼区人社服务中心", "部门", "350102", "鼓楼区", "350102/人民政府", "人社服务中心", "", "测试"),
                List.of("福州市鼓楼区某局", "科室", "3501", "鼓楼区", "", "", "", "")));
        upload(s, bad);
        String page = s.get("/organisations").body();
        assertThat(page).contains("第 3 行「类型」", "第 3 行「区划代码」");
        assertThat(store.nameTaken("福州市鼓楼区人社服务中心")).as("nothing of a refused file").isFalse();

        byte[] good = xlsx(List.of(header,
                List.of("福州市鼓楼区人社服务中心", "部门", "350102", "鼓楼区", "350102/人民政府", "人社服务中心", "鼓楼人社中心", "测试导入")));
        upload(s, good);
        assertThat(s.get("/organisations").body()).contains("已导入 1 个单位");
        String dup = "350102/福州市鼓楼区人社服务中心";
        assertThat(store.find(dup)).get().satisfies(u -> assertThat(u.parentId()).isEqualTo("350102/人民政府"));
        accounts.create("org-dup", "-", Role.OFFICER, "重复单位经办", "福州市鼓楼区人社服务中心", null);
        assertThat(accounts.find("org-dup").orElseThrow().getUnitId()).isEqualTo(dup);

        // the same unit entered twice: merged into the seeded one, the account follows, the names stay as aliases
        s.postForm("/organisations/merge", Map.of("id", dup, "into", "350102/人社局"));
        assertThat(store.find(dup)).get().satisfies(u -> {
            assertThat(u.active()).isFalse();
            assertThat(u.mergedInto()).isEqualTo("350102/人社局");
        });
        assertThat(accounts.find("org-dup").orElseThrow().getUnitId()).isEqualTo("350102/人社局");
        assertThat(store.aliases("350102/人社局")).contains("鼓楼人社中心", "福州市鼓楼区人社服务中心");
        assertThat(store.audit(dup, 10)).extracting(OrgStore.AuditRow::action).contains("导入", "合并");
        assertThat(store.resolver().resolve("鼓楼人社中心", huiqi.org.Government.of("350102", "鼓楼区")).unitIds())
                .containsExactly("350102/人社局");
    }

    @Test
    void anUnresolvedMentionIsListedMappedByAnOfficerAndItsTaskBound() {
        var m = new DocumentDraft.Measure(1, "1", "推进数据共享", "推进数据共享。（责任单位：区大数据中心）",
                List.of(), List.of("区大数据中心"), List.of(), List.of(), List.of());
        policies.insert(new DocumentDraft(DOC, "鼓政测〔2026〕7号", "福州市鼓楼区人民政府办公室", "数据共享测试方案",
                SupervisionViews.today(), SupervisionViews.today(), SupervisionViews.today().plusDays(90),
                new DocumentDraft.Region("350102", "鼓楼区"), "县区", List.of(), List.of(m), List.of(), "原文"),
                "upload", "source.txt", null, "admin");
        tasks.syncAll();
        assertThat(jdbc.sql("select coalesce(unit_id, '未解析') from supervision_task where document_id = ?").param(DOC)
                .query(String.class).single()).as("never guessed").isEqualTo("未解析");

        WebSession officer = WebSession.login(port, "caizheng", DemoAccounts.PASSWORD).csrfFrom("/policies/" + DOC);
        assertThat(officer.get("/policies/" + DOC).body()).contains("未解析 1 个", "区大数据中心");
        // a unit of another city cannot take the mention
        officer.postForm("/policies/" + DOC + "/units", Map.of("mention", "区大数据中心", "unitId", "350500.台商/科技经济发展局"));
        assertThat(officer.get("/policies/" + DOC).body()).contains("未解析 1 个");
        assertThat(store.aliases("350500.台商/科技经济发展局")).doesNotContain("区大数据中心");

        officer.postForm("/policies/" + DOC + "/units", Map.of("mention", "区大数据中心", "unitId", "350102/数字办"));
        assertThat(officer.get("/policies/" + DOC).body()).contains("未解析 0 个");
        assertThat(store.aliases("350102/数字办")).contains("区大数据中心");
        assertThat(store.audit("350102/数字办", 5)).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("添加别名");
            assertThat(a.actor()).isEqualTo("caizheng");
        });
        tasks.syncAll();
        assertThat(jdbc.sql("select unit_id from supervision_task where document_id = ?").param(DOC)
                .query(String.class).single()).isEqualTo("350102/数字办");
    }

    @Test
    void aDeactivatedUnitResolvesNoMore() {
        WebSession s = admin().csrfFrom("/organisations");
        var gov = huiqi.org.Government.of("350104", "仓山区");
        assertThat(store.resolver().resolve("区财政局", gov).resolved()).isTrue();
        s.postForm("/organisations/deactivate", Map.of("id", "350104/财政局", "reason", "测试停用"));
        assertThat(store.resolver().resolve("区财政局", gov).resolved()).isFalse();
        assertThat(store.audit("350104/财政局", 5)).anySatisfy(a -> assertThat(a.detail()).isEqualTo("测试停用"));
        jdbc.sql("update org_unit set active = true where id = '350104/财政局'").update();
        store.addAlias("350104/财政局", "仓山财政", "admin");   // any change refreshes the cached directory
    }

    static Map<String, String> unitForm(String name, String type, String code, String government, String parent,
                                        String shortNames) {
        return Map.of("name", name, "type", type, "regionCode", code, "regionName", government, "parent", parent,
                "shortNames", shortNames, "aliases", "", "source", "");
    }

    @Test
    void aSingleUnitIsAddedAndEditedWithServerSideChecksAndAudited() {
        WebSession s = admin().csrfFrom("/organisations");
        String name = "福州市鼓楼区机关事务服务中心";
        s.postForm("/organisations/units", unitForm(name, "科室", "3501", "鼓楼区", "", ""));
        assertThat(s.get("/organisations").body()).contains("「类型」", "「区划代码」");
        s.postForm("/organisations/units", unitForm(name, "部门", "350102", "鼓楼区", "350102/人民政府", "财政局"));
        assertThat(s.get("/organisations").body()).contains("已是福州市鼓楼区财政局的名称");
        assertThat(store.nameTaken(name)).as("nothing of a refused unit").isFalse();

        s.postForm("/organisations/units", unitForm(name, "部门", "350102", "鼓楼区", "350102/人民政府", "机关事务中心"));
        String id = "350102/" + name;
        assertThat(store.find(id)).get().satisfies(u -> {
            assertThat(u.parentId()).isEqualTo("350102/人民政府");
            assertThat(u.type()).isEqualTo("部门");
        });
        assertThat(store.audit(id, 5)).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("新增");
            assertThat(a.actor()).isEqualTo("admin");
        });
        var gulou = huiqi.org.Government.of("350102", "鼓楼区");
        assertThat(store.resolver().resolve("区机关事务中心", gulou).unitIds()).containsExactly(id);

        // a parent below the unit itself is refused; nothing changes
        String governmentParent = store.find("350102/人民政府").orElseThrow().parentId();
        var refused = s.postForm("/organisations/edit", Map.of("id", "350102/人民政府", "name", "福州市鼓楼区人民政府",
                "type", "人民政府", "parent", id));
        String back = refused.headers().firstValue("Location").orElseThrow();
        assertThat(s.get(back.substring(back.indexOf("/organisations"))).body()).contains("是本单位的下级");
        assertThat(store.find("350102/人民政府").orElseThrow().parentId()).isEqualTo(governmentParent);

        s.postForm("/organisations/edit", Map.of("id", id, "name", "福州市鼓楼区机关事务管理中心", "type", "部门",
                "parent", "350102/人民政府"));
        assertThat(store.find(id).orElseThrow().name()).isEqualTo("福州市鼓楼区机关事务管理中心");
        assertThat(store.aliases(id)).contains(name, "福州市鼓楼区机关事务管理中心");
        assertThat(store.audit(id, 5)).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("修改");
            assertThat(a.detail()).contains("全称 " + name + " → 福州市鼓楼区机关事务管理中心");
        });
        assertThat(store.resolver().resolve(name, gulou).unitIds()).as("the old name still resolves").containsExactly(id);
        assertThat(WebSession.login(port, "gongxin", DemoAccounts.PASSWORD).csrfFrom("/")
                .postForm("/organisations/units", unitForm("福州市鼓楼区某中心", "部门", "350102", "鼓楼区", "", ""))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void aNewAccountsUnitIsChosenFromTheCanonicalUnitsAndASpellingSeveralUnitsShareIsRefused() {
        WebSession s = admin().csrfFrom("/admin/users");
        String page = s.get("/admin/users").body();
        assertThat(page).contains("<optgroup label=\"福州市（350100）\">", "<option value=\"350100/财政局\">福州市财政局</option>",
                "<optgroup label=\"东莞市（441900）\">");
        Map<String, String> form = new java.util.HashMap<>(Map.of("username", "org-form", "password", "Initial-pass-1",
                "role", "FINANCE", "displayName", "表单财政经办", "unit", "市财政局", "uscc", ""));
        assertThat(s.postForm("/admin/users", form).body()).as("福州、东莞、淮安… all write 市财政局")
                .contains("「市财政局」不在组织目录中或有多个单位同名");
        assertThat(accounts.find("org-form")).isEmpty();
        form.put("unit", "350100/财政局");
        assertThat(s.postForm("/admin/users", form).statusCode()).isEqualTo(302);
        var created = accounts.find("org-form").orElseThrow();
        assertThat(created.getUnitId()).isEqualTo("350100/财政局");
        assertThat(created.getUnit()).isEqualTo("福州市财政局");
    }
}
