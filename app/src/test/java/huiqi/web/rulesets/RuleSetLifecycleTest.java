package huiqi.web.rulesets;

import static huiqi.web.rulesets.RuleSetFixtures.ADMIN;
import static huiqi.web.rulesets.RuleSetFixtures.FZ;
import static huiqi.web.rulesets.RuleSetFixtures.OFFICER;
import static huiqi.web.rulesets.RuleSetFixtures.OTHER_OFFICER;
import static huiqi.web.rulesets.RuleSetFixtures.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.rules.file.RuleFileLoader;
import huiqi.web.rules.RuleBook;
import huiqi.web.security.DemoAccounts;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rule sets in the database: the shipped files are version 1 (已发布) byte for byte, export → import → export is
 * lossless, saves never overwrite (a stale save is 409 and keeps the text), a version with problems cannot be
 * submitted, nobody approves their own version, and every step is in the audit log.
 */
@PlatformTest
class RuleSetLifecycleTest {
    @LocalServerPort
    int port;
    @Autowired
    RuleSetService service;
    @Autowired
    RuleSetStore store;
    @Autowired
    RuleBook book;
    @Autowired
    JdbcClient jdbc;

    /** Open drafts a test leaves would block the next test's new draft: give them up. */
    @AfterEach
    void discardOpenDrafts() {
        for (String p : store.policies()) {
            List<RuleSetVersion> vs = service.versions(p);
            if (!vs.isEmpty() && vs.get(0).state().open()) {
                service.discard(p, vs.get(0).version(), vs.get(0).lockVersion(), ADMIN);
            }
        }
        RuleSetFixtures.restoreShipped(service);
    }

    @Test
    void everyShippedRuleFileIsPublishedVersionOneAndExportImportExportIsByteIdentical() throws Exception {
        WebSession officer = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD);
        List<Path> files = RuleFileLoader.findRuleFiles(RuleSetFixtures.POLICIES);
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        for (Path file : files) {
            String id = file.getParent().getFileName().toString();
            byte[] shipped = Files.readAllBytes(file);
            RuleSetVersion v1 = service.find(id, 1).orElseThrow();
            // published on first start (other tests sharing the platform may have superseded it since)
            assertThat(v1.wasPublished()).isTrue();
            assertThat(v1.state()).isIn(RuleSetState.PUBLISHED, RuleSetState.RETIRED);
            assertThat(v1.effectiveFrom()).as(id + " effective from its document's date").isNotNull();
            assertThat(v1.author()).isEqualTo("system");

            HttpResponse<byte[]> export = officer.sendBytes("/rules/" + id + "/versions/1/yaml");
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.body()).as(id + " export").isEqualTo(shipped);

            HttpResponse<String> imported = officer.postForm("/rules/" + id + "/drafts",
                    Map.of("yaml", new String(export.body(), StandardCharsets.UTF_8), "baseVersion", "0"));
            assertThat(imported.statusCode()).isEqualTo(302);
            String location = imported.headers().firstValue("Location").orElseThrow();
            int n = Integer.parseInt(location.substring(location.lastIndexOf('/') + 1));
            assertThat(service.find(id, n).orElseThrow().state()).isEqualTo(RuleSetState.DRAFT);
            assertThat(officer.sendBytes("/rules/" + id + "/versions/" + n + "/yaml").body())
                    .as(id + " export after import").isEqualTo(shipped);
            // the JSON variant gives the same text
            assertThat(officer.get("/api/v1/rules/" + id + "/versions/" + n).body()).contains("\"state\":\"草稿\"");
            RuleSetVersion draft = service.find(id, n).orElseThrow();
            service.discard(id, n, draft.lockVersion(), OFFICER);
        }
        // a second start imports nothing: the step is idempotent
        long before = jdbc.sql("select count(*) from rule_set_version").query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from audit_log where entity = 'rule_set' and action = '导入发布'")
                .query(Long.class).single()).isEqualTo(files.size());
        assertThat(store.hasVersions(FZ)).isTrue();
        assertThat(before).isGreaterThanOrEqualTo(files.size());
    }

    @Test
    void aSecondSaveOnTheSameVersionIsRefusedWith409AndKeepsTheText() {
        WebSession first = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD);
        WebSession second = WebSession.login(port, "caizheng", DemoAccounts.PASSWORD);
        int draft = service.saveDraft(FZ, RuleSetFixtures.shipped(FZ), 0, OFFICER);

        HttpResponse<String> ok = first.postForm("/rules/" + FZ + "/drafts",
                Map.of("yaml", RuleSetFixtures.shipped(FZ) + "# 第一位经办的修改\n", "baseVersion", String.valueOf(draft)));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location").orElseThrow()).endsWith("/versions/" + (draft + 1));

        String mine = RuleSetFixtures.shipped(FZ) + "# 第二位经办的修改\n";
        HttpResponse<String> stale = second.postForm("/rules/" + FZ + "/drafts",
                Map.of("yaml", mine, "baseVersion", String.valueOf(draft)));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("此后已有人保存了第 " + (draft + 1) + " 版", "第二位经办的修改");
        assertThat(service.find(FZ, draft + 1).orElseThrow().yaml()).contains("第一位经办的修改").doesNotContain("第二位");
        assertThat(service.find(FZ, draft + 2)).isEmpty();

        // the API says the same in JSON
        HttpResponse<String> api = second.send(json(second, "/api/v1/rules/" + FZ + "/drafts",
                "{\"yaml\":\"document: x\\n\",\"baseVersion\":" + draft + "}"));
        assertThat(api.statusCode()).isEqualTo(409);
        assertThat(api.body()).contains("\"head\":" + (draft + 1), "document: x");
        // a draft another officer keeps may not be replaced by a new one from the published version either
        assertThatThrownBy(() -> service.saveDraft(FZ, "x", 0, OTHER_OFFICER)).isInstanceOf(StaleDraft.class)
                .hasMessageContaining("已有未完成的草稿");
    }

    @Test
    void aVersionWithProblemsCannotBeSubmittedAndThePageSaysWhichAndWhere() {
        String text = RuleSetFixtures.shipped(FZ);
        text = RuleSetFixtures.replaceOnce(text, "    class: 用电奖励\n", "    class: 用电奖励\n    # 待确认：奖励是否含税？\n");
        text = RuleSetFixtures.replaceOnce(text, "rate: { values: { 2024-01-10: 0.02元/千瓦时 }", "rate: { values: { 2024-01-10: 0.03元/千瓦时 }");
        text = RuleSetFixtures.replaceOnce(text, "按实际用电量给予0.02元/千瓦时的用电奖励,单家",
                "按实际用电量给予0.05元/千瓦时的用电奖励,单家");
        int quoteLine = (int) text.substring(0, text.indexOf("按实际用电量给予0.05元/千瓦时")).chars().filter(c -> c == '\n').count() + 1;
        int n = service.saveDraft(FZ, text, 0, OFFICER);
        RuleSetVersion v = service.find(FZ, n).orElseThrow();
        assertThatThrownBy(() -> service.submit(FZ, n, null, v.lockVersion(), OFFICER))
                .isInstanceOfSatisfying(RuleSetRefused.class, e -> {
                    assertThat(e.reasons()).anySatisfy(r -> assertThat(r).startsWith("第 ").contains("待确认", "奖励是否含税"));
                    assertThat(e.reasons()).anySatisfy(r -> assertThat(r).matches("第 " + quoteLine + " 行第 \\d+ 列：.*"));
                });
        // with the quote right, the failing example tests are what is left
        String quoteFixed = RuleSetFixtures.replaceOnce(text, "按实际用电量给予0.05元/千瓦时的用电奖励,单家",
                "按实际用电量给予0.02元/千瓦时的用电奖励,单家").replace("    # 待确认：奖励是否含税？\n", "");
        int m = service.saveDraft(FZ, quoteFixed, n, OFFICER);
        List<String> problems = new SubmissionCheckProbe(service, m).problems();
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p).contains("测试").contains("未通过"));

        WebSession officer = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD);
        String page = officer.get("/rules/" + FZ + "/versions/" + m).body();
        assertThat(page).contains("提交审核前须解决", "未通过").doesNotContain("id=\"submit\"");
        assertThat(service.find(FZ, m).orElseThrow().state()).isEqualTo(RuleSetState.DRAFT);
    }

    @Test
    void nobodyApprovesTheirOwnVersionAndEveryStepIsAudited() {
        int n = service.saveDraft(FZ, RuleSetFixtures.threeFen(), 0, ADMIN);
        service.submit(FZ, n, LocalDate.now().plusYears(5), service.find(FZ, n).orElseThrow().lockVersion(), ADMIN);
        RuleSetVersion submitted = service.find(FZ, n).orElseThrow();
        assertThat(submitted.state()).isEqualTo(RuleSetState.SUBMITTED);

        // the administrator wrote it: the service refuses, whatever the page shows
        assertThatThrownBy(() -> service.approve(FZ, n, submitted.lockVersion(), ADMIN))
                .isInstanceOf(RuleSetRefused.class).hasMessageContaining("不能审核自己的修改");
        // an officer is no reviewer
        assertThatThrownBy(() -> service.approve(FZ, n, submitted.lockVersion(), OFFICER))
                .isInstanceOf(RuleSetRefused.class).hasMessageContaining("只有管理员或政策审核人员");
        // and the database itself refuses an author as reviewer
        assertThatThrownBy(() -> jdbc.sql("update rule_set_version set reviewer = 'admin' where policy_id = ? and version = ?")
                .params(FZ, n).update()).hasMessageContaining("four_eyes");
        WebSession officer = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD);
        assertThat(officer.postForm("/rules/" + FZ + "/versions/" + n + "/approve",
                Map.of("lockVersion", String.valueOf(submitted.lockVersion()))).statusCode()).isEqualTo(403);

        // a reviewer rejects with a comment; the author sees it
        assertThatThrownBy(() -> service.reject(FZ, n, submitted.lockVersion(), " ", REVIEWER))
                .hasMessageContaining("请写明意见");
        service.reject(FZ, n, submitted.lockVersion(), "请附上财政局的确认函", REVIEWER);
        RuleSetVersion returned = service.find(FZ, n).orElseThrow();
        assertThat(returned.state()).isEqualTo(RuleSetState.RETURNED);
        assertThat(returned.reviewComment()).isEqualTo("请附上财政局的确认函");
        WebSession admin = WebSession.login(port, "admin", DemoAccounts.PASSWORD);
        assertThat(admin.get("/rules/" + FZ + "/versions/" + n).body()).contains("已退回", "请附上财政局的确认函");

        List<String> actions = jdbc.sql("select action from audit_log where entity = 'rule_set' and entity_id = ? order by id")
                .param(FZ + "#" + n).query(String.class).list();
        assertThat(actions).containsExactly("保存草稿", "提交审核", "退回");
        assertThat(jdbc.sql("select actor from audit_log where entity = 'rule_set' and entity_id = ? and action = '退回'")
                .param(FZ + "#" + n).query(String.class).single()).isEqualTo("shenhe");
    }

    static java.net.http.HttpRequest json(WebSession s, String path, String body) {
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.base() + path))
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", s.csrf())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The check as the submit runs it, for a stored version. */
    private record SubmissionCheckProbe(RuleSetService service, int version) {
        List<String> problems() {
            RuleSetVersion v = service.find(FZ, version).orElseThrow();
            try {
                service.submit(FZ, version, null, v.lockVersion(), OFFICER);
                return List.of();
            } catch (RuleSetRefused e) {
                return e.reasons();
            }
        }
    }
}
