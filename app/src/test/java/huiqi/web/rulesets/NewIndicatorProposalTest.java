package huiqi.web.rulesets;

import static huiqi.web.rulesets.RuleSetFixtures.OFFICER;
import static huiqi.web.rulesets.RuleSetFixtures.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.enterprise.Uscc;
import huiqi.facts.IndicatorCatalog;
import huiqi.web.enterprise.EnterpriseImportService;
import huiqi.web.matching.RuleMatching;
import huiqi.web.policy.PolicyParsing;
import huiqi.web.policy.PolicyStore;
import huiqi.web.rules.editor.RuleCheck;
import huiqi.web.rules.editor.RuleEditing;
import huiqi.web.security.DemoAccounts;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

/**
 * #16 item 6: a rule that needs an indicator the catalog lacks proposes it with the rules; the proposal is checked
 * field by field, shown to the reviewer in the diff, and on publishing joins the live catalog: importable through
 * 数据导入 and /api/v1/facts and used by 一企一策 at once, and still there after a restart.
 */
@PlatformTest
class NewIndicatorProposalTest {
    static final String POLICY = "ind-proposal-2023";
    static final String PROPOSAL = "  - { id: bus_charter_fee, name: 包车接回员工费用（季度合计）, unit: \"元\", granularity: quarter, source: 莆田市人社局 }\n";
    static final String RULES = """
            document: 莆田市稳岗稳工“八条措施”（未标文号）
            source: source.txt
            measures: 3
            region: "3503"
            rules:
              - id: ind-proposal-2023/3
                measure: 3
                title: 企业包车接回员工费用补助
                quote: 对企业通过租用（含合租）大巴车等方式接回市外来源地相对集中的员工，按照实际所产生包车费用的50%给予企业补助，每家企业不超过10万元
                kind: 奖补
                delivery: 免申即享
                payer: { level: 市级, department: 莆田市财政局 }
                parameters:
                  share: { value: 50%, source: 第三条“按照实际所产生包车费用的50%给予企业补助” }
                  cap: { value: 10万元, source: 第三条“每家企业不超过10万元” }
                eligible:
                  - { expr: "bus_charter_fee[2023-Q1] > 0元", label: 产生包车费用 }
                amount: bus_charter_fee[2023-Q1] * share
                cap: cap
                tests:
                  - name: 包车费用4万元 → 2万元
                    facts: { "bus_charter_fee[2023-Q1]": 4万元 }
                    expect: { status: eligible, amount: 20000 }
            unencoded:
              - { measure: 1, category: not-encodable, reason: 本测试只编码第三条 }
              - { measure: 2, category: not-encodable, reason: 工作部署 }
            new_indicators:
            """;

    @LocalServerPort
    int port;
    @Autowired
    PolicyParsing parsing;
    @Autowired
    PolicyStore policies;
    @Autowired
    RuleSetService service;
    @Autowired
    RuleSetReview review;
    @Autowired
    RuleEditing editing;
    @Autowired
    IndicatorCatalog catalog;
    @Autowired
    CatalogIndicators recorded;
    @Autowired
    EnterpriseImportService imports;
    @Autowired
    RuleMatching matching;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aProposedIndicatorIsCheckedReviewedAndJoinsTheCatalogWhenPublished() throws IOException {
        byte[] text = Files.readAllBytes(Path.of("src", "test", "resources", "authoring", "putian-wengang-2023.txt"));
        var d = parsing.parse(POLICY, "putian.txt", text);
        d = new huiqi.web.policy.DocumentDraft(POLICY, null, "莆田市人民政府", "莆田市稳岗稳工“八条措施”（指标提议测试）", null, null, null,
                null, null, d.chapters(), d.measures(), d.warnings(), d.sourceText());
        assertThat(policies.insert(d, "upload", "putian.txt", text, "gongxin")).isTrue();
        String source = new String(text, StandardCharsets.UTF_8);
        String yaml = RULES + PROPOSAL;
        String uscc = enterprise();

        // checked as the officer types: the rule with its proposal loads and its example runs; a bad field is named
        RuleCheck ok = editing.check(POLICY, yaml, source);
        assertThat(ok.loads()).as(ok.problems().toString()).isTrue();
        assertThat(ok.tests()).singleElement().matches(RuleCheck.TestOutcome::passed);
        RuleCheck bad = editing.check(POLICY, RULES + PROPOSAL.replace("unit: \"元\"", "unit: 万元").replace("source: 莆田市人社局", "source: \"\""), source);
        assertThat(bad.loads()).isFalse();
        assertThat(bad.problems()).extracting(RuleCheck.Problem::message)
                .anySatisfy(m -> assertThat(m).contains("单位 '万元' 不是基本单位"))
                .anySatisfy(m -> assertThat(m).contains("请写明报送数据的部门"));
        assertThat(editing.check(POLICY, RULES.replace("new_indicators:\n", ""), source).problems())
                .anyMatch(p -> p.message().contains("未知指标 'bus_charter_fee'"));

        // saved and submitted; until published the indicator is not in the catalog: data for it is refused
        int n = service.saveDraft(POLICY, yaml, 0, OFFICER);
        service.submit(POLICY, n, LocalDate.now(), service.find(POLICY, n).orElseThrow().lockVersion(), OFFICER);
        assertThat(catalog.indicator("bus_charter_fee")).isEmpty();
        HttpResponse<String> refused = postFact(uscc, "batch-before");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("未知指标 'bus_charter_fee'");
        assertThat(importFact(uscc)).isNotEmpty();

        // the reviewer sees the proposal in the diff and publishes
        RuleSetVersion submitted = service.find(POLICY, n).orElseThrow();
        assertThat(review.page(submitted, REVIEWER).diff()).contains(new RuleSetDiff.Change("指标目录", "新指标 bus_charter_fee", "",
                "包车接回员工费用（季度合计）：元，按季，莆田市人社局报送，不为负"));
        RuleSetReview.ImpactOutcome impact = review.impact(submitted);
        assertThat(impact.error()).as("the impact runs over the catalog with the proposal").isNull();
        assertThat(impact.impact().rules()).singleElement().satisfies(r -> assertThat(r.eligibleAfter()).isZero());
        service.approve(POLICY, n, submitted.lockVersion(), REVIEWER);

        // now it is in the catalog: importable (数据导入 by its Chinese name, the API by its id) and used at once
        assertThat(catalog.indicator("bus_charter_fee")).hasValueSatisfying(i -> assertThat(i.name()).isEqualTo("包车接回员工费用（季度合计）"));
        assertThat(importFact(uscc)).isEmpty();
        HttpResponse<String> accepted = postFact(uscc, "batch-after");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(matching.match(uscc).eligible()).filteredOn(b -> b.ruleId().equals(POLICY + "/3"))
                .singleElement().satisfies(b -> assertThat(b.amount()).isEqualByComparingTo(new BigDecimal("20000")));
        assertThat(jdbc.sql("select policy_id || '#' || version || ' ' || added_by from catalog_indicator where id = 'bus_charter_fee'")
                .query(String.class).single()).isEqualTo(POLICY + "#" + n + " shenhe");

        // a restart reads indicators.yaml again and adds what was published in the platform
        IndicatorCatalog fresh = IndicatorCatalog.load(IndicatorCatalog.locate(Path.of("")));
        assertThat(fresh.indicator("bus_charter_fee")).isEmpty();
        new CatalogIndicators(fresh, jdbc);
        assertThat(fresh.indicator("bus_charter_fee")).isEqualTo(catalog.indicator("bus_charter_fee"));
    }

    private String enterprise() {
        String uscc = Uscc.generate(new Random(1617), "350302");
        var outcome = imports.importUploads(List.of(new MockMultipartFile("files", "企业档案.csv", "text/csv",
                ("统一社会信用代码,企业名称,行政区划代码\n" + uscc + ",莆田包车返岗测试鞋业有限公司,350302\n").getBytes(StandardCharsets.UTF_8))), "admin");
        assertThat(outcome.problems()).isEmpty();
        return uscc;
    }

    /** The problems of importing 4万元 of charter fees for 2023-Q1 under the indicator's Chinese name. */
    private List<?> importFact(String uscc) {
        return imports.importUploads(List.of(new MockMultipartFile("files", "包车费用.csv", "text/csv",
                ("统一社会信用代码,指标,期间,数值,来源\n" + uscc + ",包车接回员工费用（季度合计）,2023-Q1,40000,莆田市人社局\n")
                        .getBytes(StandardCharsets.UTF_8))), "admin").problems();
    }

    private HttpResponse<String> postFact(String uscc, String batch) {
        WebSession s = WebSession.anonymous(port);
        String body = "{\"batchId\": \"" + batch + "\", \"source\": \"莆田市人社局\", \"facts\": [{\"uscc\": \"" + uscc
                + "\", \"indicator\": \"bus_charter_fee\", \"period\": \"2023-Q1\", \"value\": 40000}]}";
        return s.send(HttpRequest.newBuilder(URI.create(s.base() + "/api/v1/facts"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + DemoAccounts.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }
}
