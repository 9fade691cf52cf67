package huiqi.web.rulesets;

import static huiqi.web.rulesets.RuleSetFixtures.FZ;
import static huiqi.web.rulesets.RuleSetFixtures.OFFICER;
import static huiqi.web.rulesets.RuleSetFixtures.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.enterprise.Uscc;
import huiqi.web.enterprise.EnterpriseImportService;
import huiqi.web.matching.PolicyPage;
import huiqi.web.matching.PolicyPages;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/** A publication changes the kept 一企一策 page at once: the rule files in force are part of what it is valid for. */
@PlatformTest
class PolicyPagePublishTest {
    @Autowired
    RuleSetService service;
    @Autowired
    PolicyPages pages;
    @Autowired
    EnterpriseImportService imports;

    @AfterEach
    void restoreShippedRules() {
        RuleSetFixtures.restoreShipped(service);
    }

    @Test
    void aPublishedRateShowsOnTheNextView() {
        String uscc = Uscc.generate(new SplittableRandom(System.nanoTime()), "350104");
        var outcome = imports.importUploads(List.of(
                csv("企业档案.csv", "统一社会信用代码,企业名称,行政区划代码,行业代码,企业规模,规模以上工业企业,制造业企业\n"
                        + uscc + ",福州仓山页面发布测试机械有限公司,350104,C3311,中型,是,是\n"),
                csv("事实.csv", "统一社会信用代码,指标,期间,数值,来源\n" + uscc + ",用电量,2024-02,600000,国网福州供电公司\n")),
                "admin");
        assertThat(outcome.problems()).isEmpty();
        assertThat(measureSeven(uscc)).isEqualTo("12,000.00");
        assertThat(measureSeven(uscc)).isEqualTo("12,000.00");

        int n = service.saveDraft(FZ, RuleSetFixtures.threeFen(), 0, OFFICER);
        service.submit(FZ, n, LocalDate.now(), service.find(FZ, n).orElseThrow().lockVersion(), OFFICER);
        service.approve(FZ, n, service.find(FZ, n).orElseThrow().lockVersion(), REVIEWER);
        assertThat(measureSeven(uscc)).as("0.03元/千瓦时 in force").isEqualTo("18,000.00");

        RuleSetFixtures.restoreShipped(service);
        assertThat(measureSeven(uscc)).as("the shipped text published again").isEqualTo("12,000.00");
    }

    private String measureSeven(String uscc) {
        return pages.of(uscc).orElseThrow().page().eligible().stream()
                .filter(g -> g.documentId().equals(FZ) && g.measure() == 7).findFirst()
                .map(PolicyPage.Eligible::amount).orElse(null);
    }

    private static MockMultipartFile csv(String name, String content) {
        return new MockMultipartFile("files", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }
}
