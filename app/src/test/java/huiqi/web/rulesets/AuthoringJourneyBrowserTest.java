package huiqi.web.rulesets;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import huiqi.app.PlatformTest;
import huiqi.enterprise.Uscc;
import huiqi.web.browser.HeadlessChromium;
import huiqi.web.enterprise.EnterpriseImportService;
import huiqi.web.security.DemoAccounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The whole authoring journey of #16 in real headless Chromium, from a document no rule file exists for (莆田市稳岗稳工
 * “八条措施”, a copy of policies-staging/pt-2023-1/source.txt): the officer uploads it, opens the drafts, fixes them in
 * the form (a parameter, the open questions, a derived value, a rule that pays employees removed, example tests),
 * submits; the 政策审核 sees the diff and the impact and publishes; an enterprise whose data matches sees the new
 * benefit in 一企一策, and rematch (兑现) creates its case.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthoringJourneyBrowserTest {
    static final String POLICY = "pt-upload-2023";
    static final String COMPANY = "莆田城厢稳岗连续生产鞋业有限公司";
    static final Path TEXT = Paths.get("src", "test", "resources", "authoring", "putian-wengang-2023.txt");

    @LocalServerPort
    int port;
    @Autowired
    EnterpriseImportService imports;
    @Autowired
    RuleSetService service;
    @Autowired
    JdbcClient jdbc;

    HeadlessChromium browser;
    String uscc;

    @BeforeAll
    void start() {
        uscc = Uscc.generate(new Random(1616), "350302");
        var outcome = imports.importUploads(List.of(
                csv("企业档案.csv", "统一社会信用代码,企业名称,行政区划代码,行业代码,企业规模,2023年春节期间保持连续生产、稳定职工队伍（主管部门认定）\n"
                        + uscc + "," + COMPANY + ",350302,C1952,中型,是\n"),
                csv("春节在岗.csv", "统一社会信用代码,指标,期间,数值,来源\n"
                        + uscc + ",春节期间稳定在岗职工人数（人社部门核定）,2023-01,120,莆田市人社局\n"
                        + uscc + ",企业包车接回员工实际产生的包车费用,2023-01,30000,莆田市人社局\n"
                        + uscc + ",企业包车接回员工实际产生的包车费用,2023-02,10000,莆田市人社局\n"
                        + uscc + ",企业包车接回员工实际产生的包车费用,2023-03,0,莆田市人社局\n")), "admin");
        assertThat(outcome.problems()).isEmpty();
        browser = new HeadlessChromium(port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private static MockMultipartFile csv(String name, String content) {
        return new MockMultipartFile("files", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUploadedDocumentIsDraftedFinishedReviewedPublishedAndPaid() {
        Page officer = browser.login("gongxin", DemoAccounts.PASSWORD);

        // 1. upload the new document, correct what the parser could not know, save it
        browser.open(officer, "/policies/upload");
        officer.setInputFiles("input[name=file]", TEXT);
        officer.click("button[type=submit]:has-text('上传并解析')");
        assertThat(officer.locator("h2.title")).hasText("核对解析结果");
        officer.fill("input[name=id]", POLICY);
        officer.fill("input[name=title]", "莆田市稳岗稳工“八条措施”");
        officer.fill("input[name=issuer]", "莆田市人民政府");
        officer.fill("input[name=regionCode]", "350300");
        officer.fill("input[name=regionName]", "莆田市");
        officer.click("button:has-text('保存到政策库')");

        // 2. the drafts appear on the document's page
        assertThat(officer.locator("#drafts")).containsText("规则草稿");
        assertThat(officer.locator("#draft-1")).containsText("可计算");
        officer.click("#open-draft");
        assertThat(officer.locator(".editor-bar")).containsText("草稿：由系统从原文生成");
        assertThat(officer.locator("#check-summary")).containsText("可以加载");
        HeadlessChromium.screenshot(officer, "authoring-draft.png");

        // 3. measure 1: a title, a parameter's source fixed, the headcount as a derived value, amount and cap,
        //    免申即享 and the payer the questions ask for, two example tests
        Locator first = rule(officer, "/1");
        field(first, ".rule-title", "春节期间连续生产企业一次性稳定就业奖补");
        Locator source = first.locator("tr.param[data-name=rate] input.param-source");
        source.fill("第一条“按照每人300元的标准给予一次性稳定就业奖补”");
        source.press("Tab");
        awaitYaml(officer, "source: \"第一条“按照每人300元的标准给予一次性稳定就业奖补”\"");
        first = rule(officer, "/1");
        first.locator("details.new-let summary").click();
        first.locator(".new-let-name").fill("staff");
        first.locator(".new-let-label").fill("春节期间稳定在岗职工人数");
        first.locator(".new-let-expr").fill("spring_festival_stable_staff[2023-01]");
        first.locator(".new-let-btn").click();
        awaitYaml(officer, "staff: { expr: \"spring_festival_stable_staff[2023-01]\"");
        first = rule(officer, "/1");
        expression(first, "amount", "staff * rate");
        expression(first, "cap", "cap");
        first.locator("select.rule-field[data-key=delivery]").selectOption("免申即享");
        awaitYaml(officer, "delivery: 免申即享");
        payer(officer, "/1");
        newTest(officer, "/1", "120人 → 3.6万元", "spring_2023_continuous_production = true\nspring_festival_stable_staff[2023-01] = 120人", "36000");
        newTest(officer, "/1", "1001人 → 封顶30万元", "spring_2023_continuous_production = true\nspring_festival_stable_staff[2023-01] = 1001人", "300000");

        // 4. measure 3: the transport subsidy goes to employees, not to the enterprise: its rule is taken out;
        //    the charter-bus subsidy gets its cost, condition, amount, cap, payer and an example
        Locator employees = rule(officer, "/3-1");
        employees.locator("details.remove-rule summary").click();
        employees.locator(".remove-rule-reason").fill("员工交通补贴付给员工个人，不是企业所得");
        employees.locator(".remove-rule-btn").click();
        settle(officer);
        assertThat(officer.locator("[data-rule='" + POLICY + "/3-1']")).hasCount(0);
        Locator bus = rule(officer, "/3-2");
        field(bus, ".rule-title", "企业包车接回员工费用补助");
        bus = rule(officer, "/3-2");
        bus.locator("details.new-let summary").click();
        bus.locator(".new-let-name").fill("cost");
        bus.locator(".new-let-label").fill("2023年一季度包车费用");
        bus.locator(".new-let-expr").fill("charter_bus_cost[2023-Q1]");
        bus.locator(".new-let-btn").click();
        awaitYaml(officer, "cost: { expr: \"charter_bus_cost[2023-Q1]\"");
        bus = rule(officer, "/3-2");
        bus.locator("details.new-condition summary").click();
        bus.locator(".new-condition-label").fill("通过租用大巴车接回员工并产生包车费用");
        bus.locator(".new-condition-expr").fill("cost > 0元");
        bus.locator(".new-condition-btn").click();
        awaitYaml(officer, "cost > 0元");
        bus = rule(officer, "/3-2");
        expression(bus, "amount", "cost * ratio");
        expression(bus, "cap", "cap");
        payer(officer, "/3-2");
        newTest(officer, "/3-2", "包车费用4万元 → 2万元", "charter_bus_cost[2023-01] = 3万元\ncharter_bus_cost[2023-02] = 1万元\ncharter_bus_cost[2023-03] = 0元", "20000");

        // 5. every open question answered; the page says the text loads and every example passes
        Locator open = officer.locator("#open-questions");
        int questions = Integer.parseInt(open.textContent().replaceAll("\\D", ""));
        for (int left = questions; left > 0; left--) {
            Locator q = officer.locator("#questions .question").first();
            q.locator(".answer-input").fill("已核对原文，已按条文在表单中改好");
            q.locator(".answer-btn").click();
            settle(officer);
            assertThat(open).hasText("待确认 " + (left - 1) + " 项");
        }
        assertThat(officer.locator("#check-summary")).hasText("可以加载 · 例子 3/3 通过");
        rule(officer, "/1").scrollIntoViewIfNeeded();
        HeadlessChromium.screenshot(officer, "authoring-finished.png");
        officer.click("#save");

        // 6. saved as a draft version with nothing keeping it from review: submitted from today
        assertThat(officer.locator("#state")).hasText("草稿");
        assertThat(officer.locator("#checks")).hasCount(0);
        officer.fill("input[name=effectiveFrom]", LocalDate.now().toString());
        officer.click("#submit button[type=submit]");
        assertThat(officer.locator("#notice")).hasText("已提交审核");
        assertThat(officer.locator("#state")).hasText("待审核");
        int n = service.versions(POLICY).get(0).version();

        // 7. the 政策审核 sees the diff (every rule new) and the impact over every enterprise, and publishes
        Page reviewer = browser.login("shenhe", DemoAccounts.PASSWORD);
        reviewer.click("#waiting a.review-link[href$='/rules/" + POLICY + "/versions/" + n + "']");
        assertThat(reviewer.locator("h2.title")).containsText("第 " + n + " 版");
        assertThat(reviewer.locator("#diff")).containsText("春节期间连续生产企业一次性稳定就业奖补");
        assertThat(reviewer.locator("#diff")).containsText("企业包车接回员工费用补助");
        assertThat(reviewer.locator("#diff")).containsText("staff * rate");
        assertThat(reviewer.locator("#impact-payers")).isVisible(RuleSetBrowserTest.SLOW);
        assertThat(reviewer.locator("#impact-payers")).containsText("市级·莆田市财政局");
        assertThat(reviewer.locator("#gained-list")).containsText(COMPANY);
        // the drafts carry the region the officer confirmed: no enterprise outside 莆田 gains
        assertThat(reviewer.locator("#gained-list")).not().containsText("福州");
        assertThat(reviewer.locator("#lost")).hasText("0");
        HeadlessChromium.screenshot(reviewer, "authoring-review.png", true);
        reviewer.click("#approve-form button[type=submit]");
        assertThat(reviewer.locator("#notice")).containsText("已审核通过并发布");
        assertThat(reviewer.locator("#state")).hasText("已发布");

        // 8. the enterprise whose data matches sees the new benefit in 一企一策 at once
        browser.open(officer, "/enterprises/" + uscc + "/policy");
        assertThat(officer.locator("#eligible")).containsText("春节期间连续生产企业一次性稳定就业奖补");
        assertThat(officer.locator("#eligible")).containsText("36,000.00");
        HeadlessChromium.screenshot(officer, "authoring-one-enterprise.png");

        // 9. rematch (兑现办理) creates its case, from the version just published
        Page admin = browser.login("admin", DemoAccounts.PASSWORD);
        browser.open(admin, "/fulfilment/queue");
        admin.click("button:has-text('按最新数据重新匹配')");
        assertThat(admin.locator("#flash-ok")).containsText("重新匹配完成");
        var created = jdbc.sql("select amount, rule_version from fulfilment_case where uscc = ? and rule_id = ?")
                .params(uscc, POLICY + "/1").query((rs, i) -> List.of(rs.getBigDecimal(1).toPlainString(), rs.getInt(2))).list();
        assertThat(created).containsExactly(List.of("36000.00", n));
        admin.fill("#queue-filters input[name=q]", COMPANY);
        admin.click("#queue-filters button[type=submit]");
        assertThat(admin.locator("#queue")).containsText(COMPANY);
        assertThat(admin.locator("#queue")).containsText("36,000.00");
    }

    /** The editor's structural forms on a seed policy (nothing saved): an indicator proposed, a derived value and a parameter, a rule. */
    @Test
    void theEditorProposesAnIndicatorAndAddsAParameterADerivedValueAndARule() {
        Page page = browser.login("gongxin", DemoAccounts.PASSWORD);
        browser.open(page, "/rules/fz-2024-2/edit");
        assertThat(page.locator("#check-summary")).containsText("可以加载");

        // an indicator the catalog lacks, proposed with the rules
        page.locator("#new-indicators details.new-indicator summary").click();
        page.fill("#new-ind-id", "gas_bill");
        page.fill("#new-ind-name", "燃气费");
        page.fill("#new-ind-unit", "元");
        page.selectOption("#new-ind-granularity", "month");
        page.fill("#new-ind-source", "市燃气公司");
        page.click("#new-ind-btn");
        awaitYaml(page, "new_indicators:\n  - { id: gas_bill, name: 燃气费, unit: \"元\", granularity: month, source: 市燃气公司 }");
        assertThat(page.locator("#proposed-indicators tr[data-id=gas_bill]")).containsText("按月");

        // used at once: a derived value of measure 7 reads it, completion offers it, the check knows it
        Locator card = page.locator("[data-rule='fz-2024-2/7']");
        card.locator("details.new-let summary").click();
        card.locator(".new-let-name").fill("feb_gas");
        card.locator(".new-let-label").fill("2月燃气费");
        card.locator(".new-let-expr").fill("gas_bill[2024-02]");
        card.locator(".new-let-btn").click();
        awaitYaml(page, "feb_gas: { expr: \"gas_bill[2024-02]\", label: 2月燃气费 }");
        Locator amount = rule(page, "fz-2024-2/7", false).locator(".expr[data-field=amount]");
        amount.locator("textarea").fill("feb_kwh * rate + ");
        amount.locator("textarea").pressSequentially("燃气");
        assertThat(amount.locator(".completions li").first()).containsText("gas_bill");
        assertThat(amount.locator(".completions li").first()).containsText("新指标");
        amount.locator("textarea").fill("feb_kwh * rate");
        awaitYaml(page, "amount: feb_kwh * rate\n");
        assertThat(page.locator("#check-summary")).containsText("可以加载");
        assertThat(page.locator("#general-problems")).not().containsText("gas_bill");

        // a parameter from a date, with its source
        card = rule(page, "fz-2024-2/7", false);
        card.locator("details.new-param summary").click();
        card.locator(".new-param-name").fill("gas_rate");
        card.locator(".new-param-label").fill("燃气费补贴比例");
        card.locator(".new-param-value").fill("10%");
        card.locator(".new-param-date").fill("2024-01-10");
        card.locator(".new-param-source").fill("第7条“按实际用电量给予0.02元/千瓦时的用电奖励”");
        card.locator(".new-param-btn").click();
        awaitYaml(page, "gas_rate: { values: { 2024-01-10: 10% }");
        assertThat(rule(page, "fz-2024-2/7", false).locator("tr.param[data-name=gas_rate] .human")).hasText("10%");

        // a whole rule for a measure, with the clause it quotes; the card appears with its fields to fill
        page.fill("#new-rule-measure", "8");
        page.fill("#new-rule-title", "新增纳统企业市级奖励");
        page.fill("#new-rule-quote", "在省级财政奖励基础上,市、县级财政按照“榕升计划”奖补政策再给予奖励");
        page.click("#new-rule-btn");
        awaitYaml(page, "  - id: fz-2024-2/8\n    measure: 8\n    title: 新增纳统企业市级奖励\n");
        assertThat(page.locator("[data-rule='fz-2024-2/8'] .clause mark.quote")).containsText("榕升计划");
        page.locator("#new-indicators").scrollIntoViewIfNeeded();
        HeadlessChromium.screenshot(page, "authoring-new-indicator.png");

        // a proposal in a unit data cannot be imported in is refused, at the check, with the reason
        page.fill("#new-ind-id", "gas_bill_wan");
        page.fill("#new-ind-name", "燃气费（万元）");
        page.fill("#new-ind-unit", "万元");
        page.fill("#new-ind-source", "市燃气公司");
        page.click("#new-ind-btn");
        awaitYaml(page, "id: gas_bill_wan");
        assertThat(page.locator("#general-problems")).containsText("单位 '万元' 不是基本单位");
    }

    private static Locator rule(Page page, String id, boolean unused) {
        settle(page);
        return page.locator("[data-rule='" + id + "']");
    }

    /** The rule's card once every edit sent so far has landed and the form is redrawn. */
    private static Locator rule(Page page, String suffix) {
        settle(page);
        return page.locator("[data-rule='" + POLICY + suffix + "']");
    }

    private static void settle(Page page) {
        page.waitForSelector("#rule-editor[data-pending='0']");
    }

    /** Fills a plain field of a rule card and waits until the text holds it. */
    private static void field(Locator card, String selector, String value) {
        Locator input = card.locator(selector);
        input.fill(value);
        input.press("Tab");
        awaitYaml(card.page(), value);
    }

    private static void expression(Locator card, String field, String expr) {
        Locator box = card.locator(".expr[data-field=" + field + "] textarea");
        box.fill(expr);
        awaitYaml(card.page(), field + ": " + expr);
    }

    private static void payer(Page page, String suffix) {
        rule(page, suffix).locator("select.rule-field[data-key='payer.level']").selectOption("市级");
        awaitYaml(page, "level: 市级");
        Locator department = rule(page, suffix).locator("input.rule-field[data-key='payer.department']");
        department.fill("莆田市财政局");
        department.press("Tab");
        page.waitForFunction("id => { const t = document.getElementById('yaml').value; const at = t.indexOf('id: ' + id);"
                + " const next = t.indexOf('\\n  - id:', at + 1); return t.substring(at, next < 0 ? t.length : next)"
                + ".includes('department: 莆田市财政局'); }", POLICY + suffix);
        settle(page);
    }

    private static void newTest(Page page, String suffix, String name, String facts, String amount) {
        Locator card = rule(page, suffix);
        card.locator("details.new-test summary").click();
        card.locator(".new-test-name").fill(name);
        card.locator(".new-test-facts").fill(facts);
        card.locator(".new-test-amount").fill(amount);
        card.locator(".new-test-btn").click();
        awaitYaml(page, name);
        Locator added = rule(page, suffix).locator("tr.test", new Locator.LocatorOptions().setHasText(name));
        assertThat(added.locator(".outcome")).containsText("通过");
        assertThat(added.locator(".outcome")).not().containsText("未通过");
    }

    private static void awaitYaml(Page page, String piece) {
        page.waitForFunction("p => document.getElementById('yaml').value.includes(p)", piece);
        settle(page);
    }
}
