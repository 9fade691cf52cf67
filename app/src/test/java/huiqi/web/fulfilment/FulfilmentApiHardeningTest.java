package huiqi.web.fulfilment;

import static huiqi.web.fulfilment.FulfilmentFlowTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.fulfilment.Actor;
import huiqi.fulfilment.CaseState;
import huiqi.fulfilment.Match;
import huiqi.web.enterprise.EnterpriseImportService;
import huiqi.web.security.DemoAccounts;
import huiqi.web.security.UserAccounts;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Issue #15 items 1, 11, 12 and 16 for 兑现, over HTTP: imported matches cannot invent money or withdraw other
 * units' cases; bank accounts are masked for everyone but the payer (and the owner); another enterprise's or
 * a missing case is 403/404, never 500; the reviewing unit downloads application attachments; bulk actions are
 * bounded and their refusals audited once.
 */
@PlatformTest
class FulfilmentApiHardeningTest {
    static final String RULE = "fz-2024-2/7";
    static final String ACCOUNT = "6222020012345678";

    @LocalServerPort int port;
    @Autowired EnterpriseImportService imports;
    @Autowired UserAccounts accounts;
    @Autowired BudgetRequests budgetRequests;
    @Autowired PasswordEncoder encoder;
    @Autowired JdbcClient jdbc;
    @Autowired CaseRepository cases;
    @Autowired MatchSync sync;
    @Autowired Applications applications;

    CaseRecord caseOf(String uscc) {
        return cases.find(new CaseRepository.Filter(uscc, null, List.of(), RULE, null, 10)).get(0);
    }

    static HttpResponse<String> post(WebSession s, String path, String body) throws Exception {
        return s.send(json(s, path, body));
    }

    static String match(String rule, String uscc, String payer, String period, String amount, String title) {
        return "{\"ruleId\":\"" + rule + "\",\"uscc\":\"" + uscc + "\",\"payer\":\"" + payer + "\",\"unit\":\"市财政局\",\"period\":\""
                + period + "\",\"amount\":" + amount + (title == null ? "" : ",\"title\":\"" + title + "\"") + "}";
    }

    /** A case of the eligible enterprise pushed and confirmed (部门审核), with the bank account on it. */
    record Setup(TestEnterprises.Pair pair, CaseRecord c) {
    }

    Setup confirmedCase(WebSession officer) throws Exception {
        var pair = TestEnterprises.importPair(imports, accounts, encoder, 600_000);
        assertThat(officer.postForm("/fulfilment/rematch", Map.of()).statusCode()).isEqualTo(302);
        CaseRecord c = caseOf(pair.eligible());
        assertThat(post(officer, "/api/v1/fulfilment/cases/" + c.id() + "/actions", "{\"action\":\"推送\"}").statusCode()).isEqualTo(200);
        WebSession ent = WebSession.login(port, pair.eligible(), DemoAccounts.PASSWORD).csrfFrom("/fulfilment/inbox");
        assertThat(post(ent, "/api/v1/fulfilment/cases/" + c.id() + "/actions",
                "{\"action\":\"确认\",\"bankAccount\":\"" + ACCOUNT + "\",\"factsConfirmed\":true}").statusCode()).isEqualTo(200);
        return new Setup(pair, cases.find(c.id()).orElseThrow());
    }

    @Test
    void importedMatchesMustEqualTheRulesEngineAndCannotWithdrawOthersCases() throws Exception {
        WebSession officer = WebSession.login(port, "caizheng", DemoAccounts.PASSWORD);
        WebSession otherUnit = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD);
        Setup s = confirmedCase(officer);
        CaseRecord c = s.c();
        assertThat(post(officer, "/api/v1/fulfilment/cases/" + c.id() + "/actions", "{\"action\":\"审核通过\"}").statusCode()).isEqualTo(200);
        long casesBefore = jdbc.sql("select count(*) from fulfilment_case").query(Long.class).single();
        String uscc = c.uscc();
        String payer = c.payer();
        String period = c.period();

        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put(match("no-such-rule/1", uscc, payer, period, "100.00", "伪造"), "不存在或未发布");
        refused.put(match(RULE, "NOT-AN-ENTERPRISE", payer, period, "100.00", "伪造"), "18 位");
        refused.put(match(RULE, "91350100MA2Y0001X19", payer, period, "100.00", "伪造"), "18 位");
        refused.put(match(RULE, "91350100MA2Y0009X9", payer, period, "100.00", "伪造"), "企业不在企业库中");
        refused.put(match(RULE, uscc, payer, period, "12000.00", null), "缺少标题");
        refused.put(match(RULE, uscc, payer, period, "1e30", "t"), "金额");
        refused.put(match(RULE, uscc, payer, period, "1e131072", "t"), "金额");
        refused.put(match(RULE, uscc, payer, period, "0.004", "t"), "金额");
        refused.put(match(RULE, uscc, payer, period, "5000000", "t"), "与规则引擎按当前数据算出的 12000.00 元不符");
        refused.put(match(RULE, uscc, "市级·市工信局", period, "12000.00", "t"), "未得出");
        for (Map.Entry<String, String> e : refused.entrySet()) {
            HttpResponse<String> r = post(officer, "/api/v1/fulfilment/matches", "{\"matches\":[" + e.getKey() + "]}");
            assertThat(r.statusCode()).as(e.getKey() + " → " + r.body()).isEqualTo(400);
            assertThat(r.body()).as(e.getKey()).contains(e.getValue()).containsPattern("\\p{IsHan}");
        }
        assertThat(jdbc.sql("select count(*) from fulfilment_case").query(Long.class).single()).isEqualTo(casesBefore);

        // the engine's own result is accepted (and changes nothing: the case exists); another unit may not import it
        String exact = match(RULE, uscc, payer, period, "12000.00", "用电奖励");
        HttpResponse<String> ok = post(officer, "/api/v1/fulfilment/matches", "{\"matches\":[" + exact + "]}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("\"unchanged\":1", "\"withdrawn\":0", "\"created\":0");
        assertThat(post(otherUnit, "/api/v1/fulfilment/matches", "{\"matches\":[" + exact + "]}").statusCode()).isEqualTo(403);

        // naming rules without matches withdraws nothing — not the approved case of another unit, not one's own
        for (WebSession who : List.of(otherUnit, officer)) {
            HttpResponse<String> r = post(who, "/api/v1/fulfilment/matches", "{\"matches\":[],\"rules\":[\"" + RULE + "\"]}");
            assertThat(r.statusCode()).as(r.body()).isIn(200, 403);
            assertThat(cases.find(c.id()).orElseThrow().state()).isEqualTo(CaseState.AWAITING_PAYMENT);
        }
        assertThat(post(otherUnit, "/api/v1/fulfilment/matches", "{\"matches\":[],\"rules\":[\"nope/1\"]}").statusCode()).isEqualTo(400);
        assertThat(cases.find(c.id()).orElseThrow().state()).isEqualTo(CaseState.AWAITING_PAYMENT);
    }

    @Test
    void bankAccountsAreMaskedForEveryoneButThePayerAndTheOwner() throws Exception {
        WebSession officer = WebSession.login(port, "caizheng", DemoAccounts.PASSWORD);
        Setup s = confirmedCase(officer);
        CaseRecord c = s.c();
        WebSession otherUnit = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD);
        WebSession admin = WebSession.login(port, "admin", DemoAccounts.PASSWORD);
        WebSession treasury = WebSession.login(port, "guoku", DemoAccounts.PASSWORD);
        WebSession otherTreasury = WebSession.login(port, "gongxin-caiwu", DemoAccounts.PASSWORD);
        WebSession owner = WebSession.login(port, s.pair().eligible(), DemoAccounts.PASSWORD);
        String one = "/api/v1/fulfilment/cases/" + c.id();
        String list = "/api/v1/fulfilment/cases?uscc=" + c.uscc();
        for (WebSession who : List.of(otherUnit, officer, admin, otherTreasury)) {
            for (String path : List.of(one, list)) {
                HttpResponse<String> r = who.get(path);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).as(path).doesNotContain(ACCOUNT).contains("****5678");
            }
        }
        assertThat(treasury.get(one).body()).contains(ACCOUNT);
        assertThat(owner.get(one).body()).contains(ACCOUNT);

        // and in the ledger, once paid
        assertThat(post(officer, one + "/actions", "{\"action\":\"审核通过\"}").statusCode()).isEqualTo(200);
        WebSession payer = treasury.csrfFrom("/fulfilment/queue");
        admin.postForm("/fulfilment/budgets", Map.of("payer", c.payer(), "budget", "100000000"));
        FulfilmentFixtures.approvePendingBudgets(budgetRequests);
        assertThat(post(payer, one + "/actions", "{\"action\":\"拨付\"}").statusCode()).isEqualTo(200);
        String ledger = "/api/v1/fulfilment/ledger?uscc=" + c.uscc();
        for (WebSession who : List.of(otherUnit, officer, admin, otherTreasury)) {
            assertThat(who.get(ledger).body()).doesNotContain(ACCOUNT).contains("****5678");
        }
        assertThat(treasury.get(ledger).body()).contains(ACCOUNT);
    }

    @Test
    void anotherEnterprisesOrAMissingCaseIsForbiddenOrNotFoundNeverAServerError() throws Exception {
        WebSession officer = WebSession.login(port, "caizheng", DemoAccounts.PASSWORD);
        Setup s = confirmedCase(officer);
        WebSession other = WebSession.login(port, s.pair().other(), DemoAccounts.PASSWORD);
        long id = s.c().id();
        assertThat(other.get("/fulfilment/cases/" + id).statusCode()).isEqualTo(403);
        assertThat(other.get("/api/v1/fulfilment/cases/" + id).statusCode()).isEqualTo(403);
        assertThat(other.get("/fulfilment/cases/" + Long.MAX_VALUE).statusCode()).isEqualTo(404);
        assertThat(officer.get("/fulfilment/cases/" + Long.MAX_VALUE).statusCode()).isEqualTo(404);
        HttpResponse<String> missing = officer.get("/api/v1/fulfilment/cases/" + Long.MAX_VALUE);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("不存在");
    }

    @Test
    void theReviewingUnitDownloadsApplicationAttachmentsOtherDepartmentsDoNot() throws Exception {
        var pair = TestEnterprises.importPair(imports, accounts, encoder, 100_000);
        String rule = FulfilmentFixtures.unique("att") + "/1";
        sync.sync(List.of(new Match(rule, "申请类附件测试", pair.eligible(), "测试企业", "市级·市工信局", "市工信局", "2024",
                new BigDecimal("800.00"), "申请", null, "需提交申报材料")), Set.of(rule), Actor.system());
        byte[] pdf = "%PDF-1.4 申报表".getBytes(StandardCharsets.UTF_8);
        CaseRecord c = applications.apply(Actor.enterprise(pair.eligible(), pair.eligible()), rule, pair.eligible(), "2024", ACCOUNT,
                List.of(new Applications.Attachment("申报表.pdf", "application/pdf", pdf)));
        long att = ((Number) applications.attachments(c.id()).get(0).get("id")).longValue();
        String api = "/api/v1/fulfilment/cases/" + c.id() + "/attachments/" + att;
        String page = "/fulfilment/cases/" + c.id() + "/attachments/" + att;

        WebSession reviewer = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD);
        for (String path : List.of(api, page)) {
            HttpResponse<byte[]> r = reviewer.sendBytes(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).isEqualTo(pdf);
            assertThat(r.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        }
        assertThat(reviewer.get("/fulfilment/cases/" + c.id()).body()).contains(page);
        assertThat(WebSession.login(port, pair.eligible(), DemoAccounts.PASSWORD).sendBytes(api).statusCode()).isEqualTo(200);
        assertThat(WebSession.login(port, "caizheng", DemoAccounts.PASSWORD).sendBytes(api).statusCode()).isEqualTo(403);
        assertThat(WebSession.login(port, "caizheng", DemoAccounts.PASSWORD).sendBytes(page).statusCode()).isEqualTo(403);
        assertThat(WebSession.login(port, pair.other(), DemoAccounts.PASSWORD).sendBytes(api).statusCode()).isEqualTo(403);
        assertThat(reviewer.sendBytes("/api/v1/fulfilment/cases/" + c.id() + "/attachments/" + (att + 100_000)).statusCode()).isEqualTo(404);
    }

    @Test
    void anAttachmentNameOfThreeHundredCharactersIsShortenedNotA500() {
        var pair = TestEnterprises.importPair(imports, accounts, encoder, 100_000);
        String rule = FulfilmentFixtures.unique("longname") + "/1";
        sync.sync(List.of(new Match(rule, "长文件名测试", pair.eligible(), "测试企业", "市级·市工信局", "市工信局", "2024",
                new BigDecimal("800.00"), "申请", null, "需提交申报材料")), Set.of(rule), Actor.system());
        String name = "../../" + "申".repeat(300) + ".pdf";
        CaseRecord c = applications.apply(Actor.enterprise(pair.eligible(), pair.eligible()), rule, pair.eligible(), "2024",
                ACCOUNT, List.of(new Applications.Attachment(name, "application/pdf", new byte[] {1})));
        String stored = (String) applications.attachments(c.id()).get(0).get("file_name");
        assertThat(stored).hasSizeLessThanOrEqualTo(120).endsWith(".pdf").doesNotContain("/");
    }

    @Test
    void bulkActionsAreBoundedAndTheirRefusalsAuditedOnce() throws Exception {
        WebSession officer = WebSession.login(port, "caizheng", DemoAccounts.PASSWORD);
        Setup s = confirmedCase(officer);
        long id = s.c().id();
        WebSession otherUnit = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD);

        String tooMany = Collections.nCopies(CaseWorkflow.MAX_BULK + 1, String.valueOf(id)).stream().collect(Collectors.joining(","));
        HttpResponse<String> big = post(otherUnit, "/api/v1/fulfilment/bulk", "{\"action\":\"审核通过\",\"caseIds\":[" + tooMany + "]}");
        assertThat(big.statusCode()).isEqualTo(400);
        assertThat(big.body()).contains("最多 1000 件");

        String thirty = Collections.nCopies(30, String.valueOf(id)).stream().collect(Collectors.joining(","));
        HttpResponse<String> r = post(otherUnit, "/api/v1/fulfilment/bulk", "{\"action\":\"审核通过\",\"caseIds\":[" + thirty + "]}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"refused\":30");
        assertThat(jdbc.sql("select count(*) from audit_log where entity = 'case' and entity_id = ? and actor = 'gongxin'")
                .param(String.valueOf(id)).query(Long.class).single()).as("no audit row per refusal").isZero();
        List<String> summaries = jdbc.sql("select detail from audit_log where entity = 'bulk' and actor = 'gongxin' and after::text like ?")
                .param("%" + id + "%").query(String.class).list();
        assertThat(summaries).anySatisfy(d -> assertThat(d).contains("已拒绝：30 / 30 件"));
        assertThat(cases.find(id).orElseThrow().state()).isEqualTo(CaseState.UNIT_REVIEW);
    }
}
