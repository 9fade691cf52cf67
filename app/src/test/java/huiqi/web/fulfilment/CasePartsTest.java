package huiqi.web.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.fulfilment.Actor;
import huiqi.fulfilment.BearerPart;
import huiqi.fulfilment.Match;
import huiqi.web.matching.MatchReport;
import huiqi.web.matching.RuleMatching;
import huiqi.web.security.DemoAccounts;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A borne_by benefit (hs-2023-5 房租减免: each lease's 出租方 bears the relief on it) becomes a case that keeps who bears
 * how much as data, adding up to the case's amount; the case page shows them to the officer and to the enterprise.
 */
@PlatformTest
class CasePartsTest {
    private static final String RELIEF = "hs-2023-5/5-1";

    @Autowired MatchSync sync;
    @Autowired Applications applications;
    @Autowired MatchSource source;
    @Autowired CaseRepository cases;
    @Autowired RuleMatching matching;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    void aRentReliefCaseKeepsEachLessorsPartFromTheRulesEngine() {
        String uscc = jdbc.sql("select uscc from enterprise where region_code like '4202%' order by uscc").query(String.class).list()
                .stream().filter(u -> matching.match(u).eligible().stream()
                        .anyMatch(b -> b.ruleId().equals(RELIEF) && b.amount().signum() > 0)).findFirst().orElseThrow();
        CaseRecord c = ReliefCases.of(uscc, source, sync, applications, cases);
        List<BearerPart> parts = cases.parts(c.id());
        assertThat(c.delivery()).isEqualTo("申请"); // the offer kept the parts; applying carried them into the case
        assertThat(CaseParts.parse(jdbc.sql("select parts::text from fulfilment_offer where rule_id = ? and uscc = ?")
                .params(RELIEF, uscc).query(String.class).single())).isEqualTo(parts);
        assertThat(parts).isNotEmpty().allSatisfy(p -> {
            assertThat(p.role()).isEqualTo("出租方");
            assertThat(p.itemKind()).isEqualTo("租赁合同");
            assertThat(p.items()).isNotEmpty();
        });
        assertThat(parts.stream().map(BearerPart::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(c.amount());
        MatchReport.Benefit relief = matching.match(uscc).eligible().stream().filter(b -> b.ruleId().equals(RELIEF))
                .findFirst().orElseThrow();
        assertThat(parts).extracting(BearerPart::name, BearerPart::amount, BearerPart::items).containsExactlyElementsOf(
                relief.parts().stream().map(p -> org.assertj.core.groups.Tuple.tuple(p.name(), p.amount(), p.items())).toList());
        assertThat(c.payer()).contains("黄石市人民政府国有资产监督管理委员会");

        BearerPart first = parts.get(0);
        for (String who : List.of("admin", uscc)) {
            String page = WebSession.login(port, who, DemoAccounts.PASSWORD).get("/fulfilment/cases/" + c.id()).body();
            assertThat(page).contains("承担方明细", "不分别付款", first.name(), Money.yuan(first.amount()), String.join("、", first.items()));
        }
        String enterprisePage = WebSession.login(port, uscc, DemoAccounts.PASSWORD).get("/fulfilment/cases/" + c.id()).body();
        assertThat(enterprisePage.substring(enterprisePage.indexOf("id=\"case-parts\""))).doesNotContain(RELIEF);
        assertThat(WebSession.login(port, uscc, DemoAccounts.PASSWORD).get("/api/v1/fulfilment/cases/" + c.id() + "/parts").body())
                .contains("\"name\":\"" + first.name() + "\"");

        // another enterprise reads neither the case nor who bears it, by page or by API
        String other = jdbc.sql("select uscc from enterprise where uscc <> ? order by uscc limit 1").param(uscc)
                .query(String.class).single();
        WebSession stranger = WebSession.login(port, other, DemoAccounts.PASSWORD);
        var api = stranger.get("/api/v1/fulfilment/cases/" + c.id() + "/parts");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).doesNotContain(first.name());
        assertThat(stranger.get("/fulfilment/cases/" + c.id()).body()).doesNotContain(first.name());
    }

    @Test
    void aTopUpCarriesOnlyWhatEachBearerHasNotBeenPaid() {
        String rule = FulfilmentFixtures.unique("parts") + "/1";
        String uscc = FulfilmentFixtures.uscc("PARTSTOPUP", 1);
        MatchSync.Scope scope = new MatchSync.Scope(Set.of(rule), Set.of(uscc), null);
        Match first = FulfilmentFixtures.match(rule, uscc, "市级·市国资委", "市国资委", "1500.51");
        List<BearerPart> before = List.of(part("黄石市城市建设投资开发有限公司", "1200.50", "HT-1"), part("黄石某置业有限公司", "300.01", "HT-2"));
        sync.sync(List.of(first), scope, Actor.system(), Match::explanation, m -> before, Map.of());
        CaseRecord created = cases.find(new CaseRepository.Filter(uscc, null, List.of(), rule, null, 10)).get(0);
        assertThat(cases.parts(created.id())).isEqualTo(before);
        assertThat(created.kind()).isEqualTo("兑现");

        // another benefit paid earlier with these parts (written as paid: review and payment are FulfilmentFlowTest's job)
        rule = FulfilmentFixtures.unique("parts") + "/2";
        scope = new MatchSync.Scope(Set.of(rule), Set.of(uscc), null);
        jdbc.sql("""
                insert into fulfilment_case (rule_id, title, uscc, payer, unit, period, seq, kind, delivery, amount, state, parts)
                values (?, '测试', ?, '市级·市国资委', '市国资委', '2024-02', 0, '兑现', '免申即享', 1500.51, '已兑现', cast(? as jsonb))""")
                .params(rule, uscc, CaseParts.json(before)).update();

        Match more = FulfilmentFixtures.match(rule, uscc, "市级·市国资委", "市国资委", "1650.51");
        List<BearerPart> after = List.of(part("黄石市城市建设投资开发有限公司", "1200.50", "HT-1"),
                part("黄石某置业有限公司", "450.01", "HT-2", "HT-3"));
        MatchSync.Result r = sync.sync(List.of(more), scope, Actor.system(), Match::explanation, m -> after, Map.of());
        assertThat(r.topUps()).isEqualTo(1);
        CaseRecord topUp = cases.find(new CaseRepository.Filter(uscc, null, List.of(), rule, null, 10)).stream()
                .filter(c -> c.seq() == 1).findFirst().orElseThrow();
        assertThat(topUp.amount()).isEqualByComparingTo("150.00");
        assertThat(cases.parts(topUp.id())).containsExactly(part("黄石某置业有限公司", "150.00", "HT-2", "HT-3"));
    }

    @Test
    void partsThatDoNotAddUpToTheAmountAreRefusedAndNothingIsStored() {
        String rule = FulfilmentFixtures.unique("parts-off") + "/1";
        String uscc = FulfilmentFixtures.uscc("PARTSOFF", 2);
        Match m = FulfilmentFixtures.match(rule, uscc, "市级·市国资委", "市国资委", "1500.51");
        List<BearerPart> off = List.of(part("黄石市城市建设投资开发有限公司", "1200.50", "HT-1"), part("黄石某置业有限公司", "300.00", "HT-2"));
        assertThatThrownBy(() -> sync.sync(List.of(m), new MatchSync.Scope(Set.of(rule), Set.of(uscc), null), Actor.system(),
                Match::explanation, x -> off, Map.of())).hasMessageContaining("不一致");
        assertThat(cases.find(CaseRepository.Filter.ofEnterprise(uscc))).isEmpty();
    }

    private static BearerPart part(String name, String amount, String... items) {
        return new BearerPart("出租方", name, new BigDecimal(amount), "租赁合同", List.of(items));
    }
}
