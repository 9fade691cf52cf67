package huiqi.web.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.fulfilment.Actor;
import huiqi.fulfilment.ActorRole;
import huiqi.fulfilment.CaseAction;
import huiqi.fulfilment.CaseState;
import huiqi.fulfilment.CaseStateMachine;
import huiqi.web.security.DemoAccounts;
import huiqi.web.security.Role;
import huiqi.web.security.UserAccounts;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 兑现 by 组织目录 id (#18): a case's payer resolves in its rule's document's context, and only an officer of that
 * unit approves it — not another district's officer who writes the same "区人社局"; a payer the directory cannot
 * resolve is listed for 管理员.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FulfilmentByUnitIdTest {
    static final String RULE = "gl-2023-1/14";
    static final String PAYER = "区级·就业补助资金（区人社局）";
    static final String UNKNOWN_RULE = "gl-2023-1/unit-id-test";
    static final String UNKNOWN_PAYER = "区级·测试用不存在的局";

    @LocalServerPort int port;
    @Autowired MatchSync sync;
    @Autowired CaseRepository cases;
    @Autowired FulfilmentUnits units;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    @AfterAll
    void tearDown() {
        jdbc.sql("delete from fulfilment_case where rule_id = ?").param(UNKNOWN_RULE).update();
    }

    @Test
    void aCaseIsBoundToItsPayersUnitAndOnlyThatUnitsOfficerApprovesIt() {
        String uscc = FulfilmentFixtures.uscc("UNITID", 1);
        String gulou = FulfilmentFixtures.unique("gl-rs");
        String cangshan = FulfilmentFixtures.unique("cs-rs");
        accounts.create(gulou, "-", Role.OFFICER, "鼓楼区人社局经办", "区人社局", null, "350102/人社局");
        accounts.create(cangshan, "-", Role.OFFICER, "仓山区人社局经办", "区人社局", null, "350104/人社局");

        sync.sync(List.of(FulfilmentFixtures.match(RULE, uscc, PAYER, "就业补助资金（区人社局）", "100")),
                new MatchSync.Scope(Set.of(RULE), Set.of(uscc), null), Actor.system());
        CaseRecord c = cases.find(new CaseRepository.Filter(uscc, null, List.of(), RULE, null, 10)).get(0);
        assertThat(c.unitIds()).containsExactly("350102/人社局");
        assertThat(c.payerUnitIds()).containsExactly("350102/人社局");

        jdbc.sql("update fulfilment_case set state = '部门审核' where id = ?").param(c.id()).update();
        CaseRecord inReview = cases.find(c.id()).orElseThrow();
        Actor own = new Actor(gulou, ActorRole.OFFICER, "区人社局", null, "350102/人社局");
        Actor other = new Actor(cangshan, ActorRole.OFFICER, "区人社局", null, "350104/人社局");
        assertThat(CaseStateMachine.available(inReview.ref(), own)).contains(CaseAction.APPROVE);
        assertThat(CaseStateMachine.available(inReview.ref(), other)).as("same spelling, another district")
                .doesNotContain(CaseAction.APPROVE);

        // the database compares ids too
        assertThatThrownBy(() -> jdbc.sql("update fulfilment_case set state = '财政拨付', approved_by = ? where id = ?")
                .params(cangshan, c.id()).update()).hasMessageContaining("审核被拒绝");
        jdbc.sql("update fulfilment_case set state = '财政拨付', approved_by = ? where id = ?").params(gulou, c.id()).update();
        assertThat(cases.find(c.id()).orElseThrow().state()).isEqualTo(CaseState.AWAITING_PAYMENT);

        // the 待办 queue of each officer: its own unit's case only
        var mine = new CaseRepository.Filter(uscc, "区人社局", List.of(), null, null, 10, "350102/人社局", false);
        var theirs = new CaseRepository.Filter(uscc, "区人社局", List.of(), null, null, 10, "350104/人社局", false);
        assertThat(cases.find(mine)).extracting(CaseRecord::id).containsExactly(c.id());
        assertThat(cases.find(theirs)).isEmpty();
    }

    @Test
    void aPayerTheDirectoryCannotResolveIsListedForTheAdministrator() {
        jdbc.sql("""
                        insert into fulfilment_case (rule_id, title, uscc, payer, unit, period, kind, delivery, amount, state)
                        values (?, '测试', ?, ?, '测试用不存在的局', '2024-02', '兑现', '免申即享', 1, '待推送')""")
                .params(UNKNOWN_RULE, FulfilmentFixtures.uscc("UNBOUND", 1), UNKNOWN_PAYER).update();
        units.bind();
        assertThat(jdbc.sql("select cardinality(payer_unit_ids) from fulfilment_case where rule_id = ?").param(UNKNOWN_RULE)
                .query(Integer.class).single()).isZero();
        assertThat(units.unresolved()).extracting(FulfilmentUnits.Unresolved::payer).contains(UNKNOWN_PAYER);
        assertThat(WebSession.login(port, "admin", DemoAccounts.PASSWORD).get("/organisations").body())
                .contains("未能对应目录单位的名称", UNKNOWN_PAYER);
    }
}
