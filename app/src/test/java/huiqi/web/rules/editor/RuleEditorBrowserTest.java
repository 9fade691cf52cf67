package huiqi.web.rules.editor;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import huiqi.app.PlatformTest;
import huiqi.enterprise.Uscc;
import huiqi.web.browser.ChromiumExtension;
import huiqi.web.browser.HeadlessChromium;
import huiqi.web.enterprise.EnterpriseImportService;
import huiqi.web.security.DemoAccounts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/** 规则编辑 in real headless Chromium: a seed policy's rules edited in the form, checked, tested and tried out. */
@PlatformTest
@ExtendWith(ChromiumExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleEditorBrowserTest {
    private static final String COMPANY = "福州编辑试算机械有限公司";

    @Autowired
    EnterpriseImportService imports;

    HeadlessChromium browser;

    @BeforeAll
    void start() {
        String uscc = Uscc.generate(new Random(1606), "350102");
        var outcome = imports.importUploads(List.of(
                csv("企业档案.csv", "统一社会信用代码,企业名称,行政区划代码,行业代码,企业规模,规模以上工业企业,制造业企业\n"
                        + uscc + "," + COMPANY + ",350102,C3311,中型,是,是\n"),
                csv("用电量.csv", "统一社会信用代码,指标,期间,数值,来源\n"
                        + uscc + ",用电量,2024-02,600000,国网福州供电公司\n")), "admin");
        assertThat(outcome.problems()).isEmpty();
    }

    private static MockMultipartFile csv(String name, String content) {
        return new MockMultipartFile("files", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anOfficerEditsASeedPolicysRulesInTheForm() {
        Page page = browser.login("gongxin", DemoAccounts.PASSWORD);
        browser.open(page, "/policies/fz-2024-2");
        assertThat(page.locator("#drafts")).containsText("规则草稿");
        assertThat(page.locator("#draft-7")).containsText("可计算");
        page.locator("#drafts summary").click();
        page.locator("#draft-7").scrollIntoViewIfNeeded();
        HeadlessChromium.screenshot(page, "rule-drafts.png");

        page.click("#edit-rules");
        assertThat(page.locator("h2.title")).containsText("规则编辑");
        Locator card = page.locator("#rule-7");
        assertThat(card.locator(".clause mark.quote")).containsText("0.02元/千瓦时");
        assertThat(page.locator("#check-summary")).containsText("可以加载");
        assertThat(card.locator("tr.param[data-name=cap] .human")).hasText("30万元");

        // a parameter changed in the form is written into the YAML, and the example tests say what it changes
        Locator rate = card.locator("tr.param[data-name=rate] input.param-value");
        rate.fill("0.03元/千瓦时");
        rate.press("Tab");
        assertThat(card.locator("tr.param[data-name=rate] .human")).hasText("0.03元/千瓦时");
        assertThat(card.locator("tr.test[data-index='0'] .outcome")).containsText("未通过");
        assertThat(card.locator("tr.test[data-index='0'] .outcome")).containsText("金额应为 10000.00，实为 15000.00");
        assertThat(page.locator("#yaml").inputValue()).contains("rate: { values: { 2024-01-10: 0.03元/千瓦时 }");

        // an unknown indicator is shown inline, at its position in the expression
        Locator amount = card.locator(".expr[data-field=amount]");
        amount.locator("textarea").fill("feb_kwh * rate + gas_bill[2024-02]");
        assertThat(amount.locator(".field-problems")).containsText("第 18 个字符：未知指标 'gas_bill'");
        assertThat(amount.locator(".tk-error")).hasText("gas_bill");
        assertThat(page.locator("#check-summary")).containsText("1 处错误");
        card.scrollIntoViewIfNeeded();
        HeadlessChromium.screenshot(page, "rule-editor-error.png");
        amount.locator("textarea").fill("feb_kwh * rate");
        assertThat(amount.locator(".field-problems li")).hasCount(0);
        assertThat(page.locator("#check-summary")).containsText("可以加载");

        // completion: Chinese words offer the catalog's indicator, Enter inserts its id
        Locator first = card.locator(".expr[data-key='eligible:fz-2024-2/7:0']");
        first.locator("textarea").fill("");
        first.locator("textarea").pressSequentially("规上工业");
        assertThat(first.locator(".completions li").first()).containsText("above_scale_industrial");
        assertThat(first.locator(".completions li").first()).containsText("规模以上工业企业");
        HeadlessChromium.screenshot(page, "rule-editor-completion.png");
        first.locator("textarea").press("Enter");
        assertThat(first.locator("textarea")).hasValue("above_scale_industrial");
        assertThat(first.locator(".completions")).isHidden();

        // a new example test, run at once
        card.locator("details.new-test summary").click();
        card.locator(".new-test-name").fill("60万千瓦时 × 0.03元 → 1.8万元");
        card.locator(".new-test-facts").fill("above_scale_industrial = true\nelectricity_kwh[2024-02] = 60万千瓦时");
        card.locator(".new-test-amount").fill("18000");
        card.locator(".new-test-btn").click();
        Locator added = card.locator("tr.test").last();
        assertThat(added).containsText("60万千瓦时 × 0.03元 → 1.8万元");
        assertThat(added.locator(".outcome")).containsText("通过");
        assertThat(added.locator(".outcome")).not().containsText("未通过");

        // try-out on an enterprise of the 企业库, with the explanation
        page.fill("#try-query", "编辑试算");
        page.locator("#try-hits button").first().click();
        Locator result = page.locator("#try-result");
        assertThat(result).containsText(COMPANY);
        assertThat(result.locator("tr", new Locator.LocatorOptions().setHasText("fz-2024-2/7"))).containsText("18,000.00");
        assertThat(result.locator("tr", new Locator.LocatorOptions().setHasText("fz-2024-2/7"))).containsText("符合");
        result.scrollIntoViewIfNeeded();
        HeadlessChromium.screenshot(page, "rule-editor-tryout.png");

        // the YAML is one click away, and saving posts the whole text to the rule database
        page.click("#toggle-yaml");
        assertThat(page.locator("#yaml")).isVisible();
        assertThat(page.locator("#save-form")).hasAttribute("action", "/rules/fz-2024-2/drafts");
        assertThat(page.locator("#save-form input[name=baseVersion]")).hasValue("0");
        assertThat(page.locator("#save-form input[name=_csrf]")).hasCount(1);
    }

    @Test
    void aDraftFromTheTextOpensWithItsQuestionsToAnswer() {
        Page page = browser.login("gongxin", DemoAccounts.PASSWORD);
        browser.open(page, "/policies/fz-2024-2");
        page.click("#open-draft");
        assertThat(page.locator(".editor-bar")).containsText("草稿：由系统从原文生成");
        Locator open = page.locator("#open-questions");
        String before = open.textContent();
        int count = Integer.parseInt(before.replaceAll("\\D", ""));
        assertThat(count).isPositive();
        Locator question = page.locator("#questions .question").first();
        question.locator(".answer-input").fill("已核对：按申请兑现");
        question.locator(".answer-btn").click();
        assertThat(open).hasText("待确认 " + (count - 1) + " 项");
        assertThat(page.locator("#yaml").inputValue()).contains("# 已确认：").contains("（答：已核对：按申请兑现）");
        page.locator("#questions").scrollIntoViewIfNeeded();
        HeadlessChromium.screenshot(page, "rule-editor-draft.png");

        // the delivery the draft asks about is chosen in the form
        page.locator("#rule-7 select.rule-field[data-key=delivery]").selectOption("免申即享");
        assertThat(page.locator("#rule-7 select.rule-field[data-key=delivery]")).hasValue("免申即享");
        page.waitForFunction("() => document.getElementById('yaml').value.includes('delivery: 免申即享')");
        assertThat(page.locator("#yaml").inputValue()).containsPattern("id: fz-2024-2/7(?s).*delivery: 免申即享");
    }

    @Test
    void theEditorShowsAParameterFormBesideTheClause() {
        Page page = browser.login("gongxin", DemoAccounts.PASSWORD);
        browser.open(page, "/rules/fz-2024-2/edit#rule-7");
        page.locator("#rule-7").scrollIntoViewIfNeeded();
        assertThat(page.locator("#rule-7 tr.param[data-name=threshold] .human")).hasText("50万千瓦时");
        HeadlessChromium.screenshot(page, "rule-editor.png");
    }
}
