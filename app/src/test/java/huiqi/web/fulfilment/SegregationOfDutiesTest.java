package huiqi.web.fulfilment;

import static huiqi.web.fulfilment.FulfilmentFlowTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.fulfilment.CaseState;
import huiqi.web.enterprise.EnterpriseImportService;
import huiqi.web.security.DemoAccounts;
import huiqi.web.security.Role;
import huiqi.web.security.UserAccounts;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * 审核 and 拨付 by different people in different roles (issue #15, item 2), over HTTP and in the database:
 * every forbidden (actor, action) pair on one case is refused and leaves it untouched; only the reviewing
 * unit's 部门经办 approves and only the payer's 财政经办, who did not approve, pays; the database refuses a
 * payment that bypasses the application.
 */
@PlatformTest
class SegregationOfDutiesTest {
    static final String RULE = "fz-2024-2/7";

    @LocalServerPort int port;
    @Autowired EnterpriseImportService imports;
    @Autowired UserAccounts accounts;
    @Autowired BudgetRequests budgetRequests;
    @Autowired PasswordEncoder encoder;
    @Autowired JdbcClient jdbc;
    @Autowired CaseRepository cases;

    CaseRecord caseOf(String uscc) {
        return cases.find(new CaseRepository.Filter(uscc, null, List.of(), RULE, null, 10)).get(0);
    }

    HttpResponse<String> act(WebSession s, long id, String action) throws Exception {
        return s.send(json(s, "/api/v1/fulfilment/cases/" + id + "/actions", "{\"action\":\"" + action + "\"}"));
    }

    @Test
    void everyForbiddenPairIsRefusedAndOnlyTwoPeopleInTwoRolesMoveTheMoney() throws Exception {
        var pair = TestEnterprises.importPair(imports, accounts, encoder, 600_000);
        String switcher = FulfilmentFixtures.unique("sod");
        accounts.create(switcher, encoder.encode(DemoAccounts.PASSWORD), Role.OFFICER, "市财政局经办（后改财政经办）", "市财政局", null);
        WebSession admin = WebSession.login(port, "admin", DemoAccounts.PASSWORD);
        WebSession officer = WebSession.login(port, "caizheng", DemoAccounts.PASSWORD);
        WebSession otherUnit = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD);
        WebSession treasury = WebSession.login(port, "guoku", DemoAccounts.PASSWORD);
        WebSession otherTreasury = WebSession.login(port, "gongxin-caiwu", DemoAccounts.PASSWORD);
        WebSession approver = WebSession.login(port, switcher, DemoAccounts.PASSWORD);
        WebSession enterprise = WebSession.login(port, pair.eligible(), DemoAccounts.PASSWORD).csrfFrom("/fulfilment/inbox");

        assertThat(officer.postForm("/fulfilment/rematch", Map.of()).statusCode()).isEqualTo(302);
        CaseRecord c = caseOf(pair.eligible());
        assertThat(admin.postForm("/fulfilment/budgets", Map.of("payer", c.payer(), "budget", "100000000")).statusCode()).isEqualTo(302);
        FulfilmentFixtures.approvePendingBudgets(budgetRequests);
        assertThat(act(officer, c.id(), "推送").statusCode()).isEqualTo(200);
        assertThat(enterprise.send(json(enterprise, "/api/v1/fulfilment/cases/" + c.id() + "/actions",
                "{\"action\":\"确认\",\"bankAccount\":\"6222020012345678\",\"factsConfirmed\":true}")).statusCode()).isEqualTo(200);

        // the database refuses an approval by anyone but an officer of the case's unit
        assertThatThrownBy(() -> jdbc.sql("update fulfilment_case set state = '财政拨付', approved_by = 'guoku' where id = ?")
                .param(c.id()).update()).hasMessageContaining("审核被拒绝");
        assertThatThrownBy(() -> jdbc.sql("update fulfilment_case set state = '财政拨付', approved_by = 'admin' where id = ?")
                .param(c.id()).update()).hasMessageContaining("审核被拒绝");

        // 审核通过: not the administrator, not a 财政经办, not another unit's officer — each refused, case untouched
        for (WebSession s : List.of(admin, treasury, otherTreasury, otherUnit)) {
            HttpResponse<String> r = act(s, c.id(), "审核通过");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
            assertThat(cases.find(c.id()).orElseThrow().state()).isEqualTo(CaseState.UNIT_REVIEW);
        }
        for (WebSession s : List.of(admin, treasury)) {
            s.postForm("/fulfilment/bulk", Map.of("action", "审核通过", "ids", String.valueOf(c.id())));
            assertThat(cases.find(c.id()).orElseThrow().state()).isEqualTo(CaseState.UNIT_REVIEW);
        }
        assertThat(act(approver, c.id(), "审核通过").statusCode()).isEqualTo(200);
        assertThat(cases.find(c.id()).orElseThrow().approvedBy()).isEqualTo(switcher);

        // 拨付: not the approving unit's officers, not the administrator, not another payer's 财政经办
        for (WebSession s : List.of(approver, officer, admin, otherTreasury, otherUnit)) {
            HttpResponse<String> r = act(s, c.id(), "拨付");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        }
        for (WebSession s : List.of(approver, officer, admin, otherTreasury)) {
            s.postForm("/fulfilment/bulk", Map.of("action", "拨付", "ids", String.valueOf(c.id())));
        }
        assertThat(cases.find(c.id()).orElseThrow().state()).isEqualTo(CaseState.AWAITING_PAYMENT);
        // the approver, even after becoming a 财政经办 of the payer, may not pay what it approved
        jdbc.sql("update app_user set role = 'FINANCE' where username = ?").param(switcher).update();
        WebSession sameMan = WebSession.login(port, switcher, DemoAccounts.PASSWORD);
        HttpResponse<String> self = act(sameMan, c.id(), "拨付");
        assertThat(self.statusCode()).isEqualTo(403);
        assertThat(self.body()).contains("审核与拨付须由不同人员办理");
        assertThat(jdbc.sql("select count(*) from ledger_entry where case_id = ?").param(c.id()).query(Long.class).single()).isZero();

        // below the application: the ledger refuses the same person, a non-财政 payer, another payer's 财政经办,
        // a forged approver, and a case marked paid without a ledger row
        String insert = """
                insert into ledger_entry (case_id, rule_id, uscc, payer, unit, period, seq, kind, amount, approver, paid_by)
                values (?, ?, ?, ?, ?, ?, 0, '兑现', ?, ?, ?)""";
        for (String[] who : List.of(new String[] {switcher, switcher, "不同人员"}, new String[] {switcher, "caizheng", "财政经办"},
                new String[] {switcher, "gongxin-caiwu", "财政经办"}, new String[] {"caizheng", "guoku", "审核人"})) {
            assertThatThrownBy(() -> jdbc.sql(insert).params(c.id(), c.ruleId(), c.uscc(), c.payer(), c.unit(), c.period(), c.amount(),
                    who[0], who[1]).update()).as(String.join(" ", who)).hasMessageContaining(who[2]);
        }
        assertThatThrownBy(() -> jdbc.sql("update fulfilment_case set state = '已兑现', paid_by = 'guoku' where id = ?")
                .param(c.id()).update()).hasMessageContaining("记入台账");

        // the payer's own 财政经办 pays
        HttpResponse<String> paid = act(treasury, c.id(), "拨付");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        Map<String, Object> ledger = jdbc.sql("select approver, paid_by from ledger_entry where case_id = ?").param(c.id())
                .query().singleRow();
        assertThat(ledger).containsEntry("approver", switcher).containsEntry("paid_by", "guoku");
        assertThat(cases.find(c.id()).orElseThrow().state()).isEqualTo(CaseState.PAID);
        assertThat(jdbc.sql("select paid_by from fulfilment_case where id = ?").param(c.id()).query(String.class).single())
                .isEqualTo("guoku");
    }
}
