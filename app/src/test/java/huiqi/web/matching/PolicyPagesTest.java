package huiqi.web.matching;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.enterprise.Uscc;
import huiqi.web.enterprise.EnterpriseImportService;
import huiqi.web.enterprise.ImportUndo;
import huiqi.web.security.DemoAccounts;
import huiqi.web.security.HuiqiUser;
import huiqi.web.security.Role;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

/** The 一企一策 page kept per enterprise: a hit does not evaluate, and no write leaves a stale page or shows it to another. */
@PlatformTest
class PolicyPagesTest {
    static final HuiqiUser ADMIN = new HuiqiUser("admin", "x", true, Role.ADMIN, "管理员", null, null);

    @Autowired
    PolicyPages pages;
    @Autowired
    EnterpriseImportService imports;
    @Autowired
    ImportUndo undo;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void aSecondViewIsServedWithoutEvaluating() {
        String uscc = importEnterpriseUsing("600000");
        long before = pages.evaluations();
        PolicyPage first = pages.of(uscc).orElseThrow().page();
        assertThat(pages.evaluations()).isEqualTo(before + 1);
        WebSession admin = WebSession.login(port, "admin", DemoAccounts.PASSWORD);
        assertThat(admin.get("/enterprises/" + uscc + "/policy").body()).contains("12,000.00");
        assertThat(pages.of(uscc).orElseThrow().page()).isSameAs(first);
        assertThat(pages.evaluations()).as("the page view and the second call were hits").isEqualTo(before + 1);
    }

    @Test
    void aFactImportAndItsUndoEachChangeThePage() {
        String uscc = importEnterpriseUsing("600000");
        assertThat(measureSeven(uscc)).isEqualTo("12,000.00");
        long raise = importFacts(uscc + ",用电量,2024-02,700000,国网福州供电公司\n");
        assertThat(measureSeven(uscc)).as("after the import").isEqualTo("14,000.00");
        WebSession admin = WebSession.login(port, "admin", DemoAccounts.PASSWORD);
        assertThat(admin.get("/enterprises/" + uscc + "/policy").body()).contains("14,000.00").doesNotContain("12,000.00");
        undo.undo(raise, ADMIN);
        assertThat(measureSeven(uscc)).as("after the undo").isEqualTo("12,000.00");
        assertThat(admin.get("/enterprises/" + uscc + "/policy").body()).contains("12,000.00").doesNotContain("14,000.00");
    }

    @Test
    void anItemListChangeChangesThePage() {
        String uscc = jdbc.sql("""
                        select l.uscc from enterprise_item_list l join enterprise_item i on i.uscc = l.uscc and i.kind = l.kind
                        where l.kind = 'leases' group by l.uscc order by l.uscc""").query(String.class).list().stream()
                .filter(u -> rentReliefParts(u) > 0).findFirst().orElseThrow();
        int parts = rentReliefParts(uscc);
        var emptied = imports.importUploads(List.of(csv("items.csv", "uscc,kind,item_id\n" + uscc + ",leases,\n")), ADMIN);
        assertThat(emptied.problems()).isEmpty();
        assertThat(rentReliefParts(uscc)).as("no leases left: no lessor's part").isZero();
        undo.undo(emptied.importId(), ADMIN);
        assertThat(rentReliefParts(uscc)).as("the leases back").isEqualTo(parts);
    }

    @Test
    void anEnterpriseNeverGetsAnotherEnterprisesPage() {
        List<String> accounts = jdbc.sql("""
                        select u.username from app_user u join enterprise e on e.uscc = u.username
                        where u.role = 'ENTERPRISE' order by u.username limit 2""").query(String.class).list();
        String a = accounts.get(0);
        String b = accounts.get(1);
        String nameOfA = pages.of(a).orElseThrow().profile().name();
        String nameOfB = pages.of(b).orElseThrow().profile().name();
        WebSession asA = WebSession.login(port, a, DemoAccounts.PASSWORD);
        WebSession asB = WebSession.login(port, b, DemoAccounts.PASSWORD);
        assertThat(asA.get("/enterprises/" + a + "/policy").body()).contains(nameOfA, a);
        var refused = asB.get("/enterprises/" + a + "/policy");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain(nameOfA);
        assertThat(asB.get("/enterprises/" + b + "/policy").body()).contains(nameOfB, b).doesNotContain(nameOfA)
                .doesNotContain(a);
    }

    /** The content's HTML is kept per kind of viewer: an officer's links to the policy never reach an enterprise. */
    @Test
    void officersAndTheEnterpriseEachGetTheirOwnContent() {
        String uscc = jdbc.sql("select username from app_user where role = 'ENTERPRISE' order by username")
                .query(String.class).list().stream().filter(u -> !pages.of(u).orElseThrow().page().eligible().isEmpty())
                .findFirst().orElseThrow();
        PolicyPage.Eligible first = pages.of(uscc).orElseThrow().page().eligible().get(0);
        String link = "href=\"/policies/" + first.documentId() + "#m" + first.measure() + "\"";
        WebSession admin = WebSession.login(port, "admin", DemoAccounts.PASSWORD);
        WebSession self = WebSession.login(port, uscc, DemoAccounts.PASSWORD);
        assertThat(admin.get("/enterprises/" + uscc + "/policy").body()).contains(link, "企业库");
        String own = self.get("/enterprises/" + uscc + "/policy").body();
        assertThat(own).contains(first.docNumber()).doesNotContain(link).doesNotContain(">企业库<");
        assertThat(admin.get("/enterprises/" + uscc + "/policy").body()).contains(link);
    }

    @Test
    void noEnterpriseNoPage() {
        assertThat(pages.of(Uscc.generate(new SplittableRandom(8601), "350104"))).isEmpty();
    }

    private int rentReliefParts(String uscc) {
        return pages.of(uscc).orElseThrow().page().eligible().stream()
                .filter(g -> g.documentId().equals("hs-2023-5")).mapToInt(g -> g.parts().size()).sum();
    }

    private String measureSeven(String uscc) {
        Optional<PolicyPage.Eligible> m7 = pages.of(uscc).orElseThrow().page().eligible().stream()
                .filter(g -> g.documentId().equals("fz-2024-2") && g.measure() == 7).findFirst();
        return m7.map(PolicyPage.Eligible::amount).orElse(null);
    }

    private String importEnterpriseUsing(String kwh) {
        String uscc = Uscc.generate(new SplittableRandom(System.nanoTime()), "350104");
        var outcome = imports.importUploads(List.of(
                csv("企业档案.csv", "统一社会信用代码,企业名称,行政区划代码,行业代码,企业规模,规模以上工业企业,制造业企业\n"
                        + uscc + ",福州仓山页面缓存测试机械有限公司,350104,C3311,中型,是,是\n"),
                csv("事实.csv", "统一社会信用代码,指标,期间,数值,来源\n" + uscc + ",用电量,2024-02," + kwh + ",国网福州供电公司\n")),
                ADMIN);
        assertThat(outcome.problems()).isEmpty();
        return uscc;
    }

    private long importFacts(String rows) {
        var outcome = imports.importUploads(List.of(csv("数据.csv", "统一社会信用代码,指标,期间,数值,来源\n" + rows)), ADMIN);
        assertThat(outcome.problems()).isEmpty();
        return outcome.importId();
    }

    private static MockMultipartFile csv(String name, String content) {
        return new MockMultipartFile("files", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }
}
