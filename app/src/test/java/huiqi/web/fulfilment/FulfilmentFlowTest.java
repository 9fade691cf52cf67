package huiqi.web.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.fulfilment.Actor;
import huiqi.fulfilment.CaseState;
import huiqi.fulfilment.Match;
import huiqi.fulfilment.TransitionRefused;
import huiqi.web.enterprise.EnterpriseImportService;
import huiqi.web.security.DemoAccounts;
import huiqi.web.security.UserAccounts;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** One benefit from the rules engine's match to 已兑现 over HTTP, with every refusal along the way. */
@PlatformTest
class FulfilmentFlowTest {
    static final String RULE = "fz-2024-2/7";

    @LocalServerPort int port;
    @Autowired EnterpriseImportService imports;
    @Autowired UserAccounts accounts;
    @Autowired BudgetRequests budgetRequests;
    @Autowired PasswordEncoder encoder;
    @Autowired JdbcClient jdbc;
    @Autowired MatchSync sync;
    @Autowired Applications applications;
    @Autowired CaseRepository cases;

    CaseRecord caseOf(String uscc, int seq) {
        return cases.find(new CaseRepository.Filter(uscc, null, List.of(), RULE, null, 10)).stream()
                .filter(c -> c.seq() == seq).findFirst().orElseThrow(() -> new AssertionError("no case " + uscc + " seq " + seq));
    }

    @Test
    void aMatchedBenefitIsPushedConfirmedApprovedPaidExportedAndToppedUpAfterNewData() throws Exception {
        var pair = TestEnterprises.importPair(imports, accounts, encoder, 600_000);
        WebSession admin = WebSession.login(port, "admin", DemoAccounts.PASSWORD);
        WebSession finance = WebSession.login(port, "caizheng", DemoAccounts.PASSWORD);
        WebSession industry = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD);
        WebSession treasury = WebSession.login(port, "guoku", DemoAccounts.PASSWORD);
        WebSession mine = WebSession.login(port, pair.eligible(), DemoAccounts.PASSWORD).csrfFrom("/fulfilment/inbox");
        WebSession other = WebSession.login(port, pair.other(), DemoAccounts.PASSWORD).csrfFrom("/fulfilment/inbox");

        assertThat(finance.postForm("/fulfilment/rematch", Map.of()).statusCode()).isEqualTo(302);
        CaseRecord c = caseOf(pair.eligible(), 0);
        assertThat(c.state()).isEqualTo(CaseState.PENDING_PUSH);
        assertThat(c.amount()).isEqualByComparingTo("12000.00");   // 60万千瓦时 × 0.02元/千瓦时
        assertThat(c.unit()).isEqualTo("市财政局");
        assertThat(c.explanation()).contains("用电量");
        assertThat(cases.find(CaseRepository.Filter.ofEnterprise(pair.other()))).isEmpty();
        assertThat(admin.postForm("/fulfilment/budgets", Map.of("payer", c.payer(), "budget", "100000000")).statusCode()).isEqualTo(302);
        FulfilmentFixtures.approvePendingBudgets(budgetRequests);

        // another unit may not push; the responsible one may
        industry.postForm("/fulfilment/bulk", Map.of("action", "推送", "ids", String.valueOf(c.id())));
        assertThat(caseOf(pair.eligible(), 0).state()).isEqualTo(CaseState.PENDING_PUSH);
        finance.postForm("/fulfilment/bulk", Map.of("action", "推送", "ids", String.valueOf(c.id())));
        assertThat(caseOf(pair.eligible(), 0).state()).isEqualTo(CaseState.PUSHED);

        // another enterprise can neither read nor act on it, by page or by API
        HttpResponse<String> foreign = other.send(json(other, "/api/v1/fulfilment/cases/" + c.id() + "/actions",
                "{\"action\":\"确认\",\"bankAccount\":\"6222020012345678\",\"factsConfirmed\":true}"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("只能办理本企业的兑现事项");
        assertThat(other.get("/api/v1/fulfilment/cases/" + c.id()).statusCode()).isEqualTo(403);
        assertThat(other.get("/fulfilment/inbox").body()).doesNotContain(c.title());
        for (String officerPage : List.of("/fulfilment/queue", "/fulfilment/ledger", "/fulfilment/dashboard",
                "/fulfilment/warnings", "/fulfilment/audit", "/api/v1/fulfilment/ledger")) {
            assertThat(mine.get(officerPage).statusCode()).as(officerPage).isEqualTo(403);
        }

        // the enterprise sees it, confirms with its bank account
        assertThat(mine.get("/fulfilment/inbox").body()).contains(c.title(), "12,000.00 元");
        mine.postForm("/fulfilment/cases/" + c.id() + "/act", Map.of("action", "确认", "bankAccount", "6222 0200 1234 5678",
                "factsConfirmed", "true", "back", "/fulfilment/inbox"));
        assertThat(caseOf(pair.eligible(), 0).state()).isEqualTo(CaseState.UNIT_REVIEW);
        // paying before approval is refused with the state in the message
        HttpResponse<String> early = treasury.send(json(treasury, "/api/v1/fulfilment/cases/" + c.id() + "/actions", "{\"action\":\"拨付\"}"));
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("案件当前状态为「部门审核」");

        finance.postForm("/fulfilment/bulk", Map.of("action", "审核通过", "ids", String.valueOf(c.id())));
        assertThat(caseOf(pair.eligible(), 0).state()).isEqualTo(CaseState.AWAITING_PAYMENT);
        treasury.postForm("/fulfilment/bulk", Map.of("action", "拨付", "ids", String.valueOf(c.id())));
        CaseRecord paid = caseOf(pair.eligible(), 0);
        assertThat(paid.state()).isEqualTo(CaseState.PAID);
        assertThat(jdbc.sql("select count(*) from ledger_entry where case_id = ?").param(c.id()).query(Long.class).single()).isEqualTo(1);

        // ledger page and export
        assertThat(finance.get("/fulfilment/ledger?uscc=" + pair.eligible()).body()).contains("12,000.00 元", "caizheng");
        HttpResponse<byte[]> xlsx = finance.sendBytes("/fulfilment/ledger.xlsx?uscc=" + pair.eligible());
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        List<List<String>> rows = sheet(xlsx.body());
        assertThat(rows.get(0)).contains("统一社会信用代码", "金额（元）", "批次", "审核人");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).contains(pair.eligible(), RULE, "12000.0", "caizheng", "****5678");

        // audit: every step recorded, visible and exportable by the administrator only
        String audit = admin.get("/fulfilment/audit?entity=case&entityId=" + c.id()).body();
        assertThat(audit).contains("匹配生成", "推送", "确认", "审核通过", "拨付", "已拒绝");
        assertThat(finance.get("/fulfilment/audit").statusCode()).isEqualTo(403);
        List<List<String>> auditRows = sheet(admin.sendBytes("/fulfilment/audit.xlsx?entity=case&entityId=" + c.id()).body());
        assertThat(auditRows.stream().map(r -> r.get(4)).toList()).contains("匹配生成", "推送", "确认", "审核通过", "拨付");

        // re-running with the same data creates nothing; new data creates only the difference (a top-up)
        finance.postForm("/fulfilment/rematch", Map.of());
        assertThat(cases.find(new CaseRepository.Filter(pair.eligible(), null, List.of(), RULE, null, 10))).hasSize(1);
        TestEnterprises.newElectricity(imports, pair.eligible(), 800_000);
        finance.postForm("/fulfilment/rematch", Map.of());
        CaseRecord topUp = caseOf(pair.eligible(), 1);
        assertThat(topUp.kind()).isEqualTo("补发");
        assertThat(topUp.amount()).isEqualByComparingTo("4000.00");
        assertThat(caseOf(pair.eligible(), 0).amount()).isEqualByComparingTo("12000.00");

        // the ledger is append-only in the database itself
        assertThatThrownBy(() -> jdbc.sql("update ledger_entry set amount = 1 where case_id = ?").param(c.id()).update())
                .hasMessageContaining("只能追加");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where entity_id = ?").param(String.valueOf(c.id())).update())
                .hasMessageContaining("只能追加");

        // the officer pages render
        for (String page : List.of("/fulfilment/queue", "/fulfilment/ledger", "/fulfilment/dashboard", "/fulfilment/warnings",
                "/fulfilment/cases/" + c.id())) {
            assertThat(finance.get(page).statusCode()).as(page).isEqualTo(200);
        }
        assertThat(finance.get("/fulfilment/dashboard").body()).contains(RULE, "市财政局", "data-chart");
        assertThat(finance.get("/api/v1/fulfilment/dashboard").body()).contains("\"byRule\"", RULE);
        // 匹配预警: the eligible enterprise got money while paying little tax compared with the other
        assertThat(finance.get("/api/v1/fulfilment/contribution").body()).contains(pair.eligible());
    }

    @Test
    void applicationTypeBenefitsStartFromTheEnterprisesApplicationWithAttachments() {
        var pair = TestEnterprises.importPair(imports, accounts, encoder, 100_000);
        String rule = FulfilmentFixtures.unique("apply") + "/1";
        Match offer = new Match(rule, "申请类测试政策", pair.eligible(), "测试企业", "市级·市工信局", "市工信局", "2024",
                new BigDecimal("50000.00"), "申请", null, "需提交申报材料");
        MatchSync.Result r = sync.sync(List.of(offer), Set.of(rule), Actor.system());
        assertThat(r.offers()).isEqualTo(1);
        assertThat(r.created()).isZero();
        Actor ent = Actor.enterprise(pair.eligible(), pair.eligible());
        assertThatThrownBy(() -> applications.apply(ent, rule, pair.eligible(), "2024", "6222020012345678", List.of()))
                .isInstanceOf(TransitionRefused.class).hasMessageContaining("附件");
        assertThatThrownBy(() -> applications.apply(Actor.enterprise(pair.other(), pair.other()), rule, pair.eligible(), "2024",
                "6222020012345678", List.of(new Applications.Attachment("a.pdf", "application/pdf", new byte[] {1}))))
                .isInstanceOf(TransitionRefused.class);
        CaseRecord c = applications.apply(ent, rule, pair.eligible(), "2024", "6222020012345678",
                List.of(new Applications.Attachment("申报表.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8))));
        assertThat(c.state()).isEqualTo(CaseState.UNIT_REVIEW);
        assertThat(c.delivery()).isEqualTo("申请");
        assertThat(applications.attachments(c.id())).hasSize(1);
        assertThatThrownBy(() -> applications.apply(ent, rule, pair.eligible(), "2024", "6222020012345678",
                List.of(new Applications.Attachment("b.pdf", "application/pdf", new byte[] {1})))).hasMessageContaining("重复申请");
        WebSession mine = WebSession.login(port, pair.eligible(), DemoAccounts.PASSWORD);
        assertThat(mine.get("/api/v1/fulfilment/offers").body()).contains(rule, "\"caseId\":" + c.id());
        // re-matching never withdraws an application
        sync.sync(List.of(), Set.of(rule), Actor.system());
        assertThat(cases.find(c.id()).orElseThrow().state()).isEqualTo(CaseState.UNIT_REVIEW);
    }

    static HttpRequest json(WebSession s, String path, String body) {
        return HttpRequest.newBuilder(URI.create(s.base() + path)).header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", s.csrf()).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static List<List<String>> sheet(byte[] xlsx) throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell.toString()));
                out.add(cells);
            }
        }
        return out;
    }
}
