package huiqi.web.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.app.PlatformTest;
import huiqi.enterprise.Uscc;
import huiqi.web.security.HuiqiUser;
import huiqi.web.security.Role;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Import history and undo: rejected imports keep their report; an undo restores exactly, or says why it may not. */
@PlatformTest
class ImportUndoTest {
    static final HuiqiUser ADMIN = new HuiqiUser("admin", "x", true, Role.ADMIN, "管理员", null, null);
    static final HuiqiUser OTHER_OFFICER = new HuiqiUser("gongxin", "x", true, Role.OFFICER, "市工信局经办", "市工信局", null);

    @Autowired
    EnterpriseImportService imports;
    @Autowired
    ImportHistory history;
    @Autowired
    ImportUndo undo;
    @Autowired
    PgEnterpriseStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private static MockMultipartFile csv(String name, String content) {
        return new MockMultipartFile("files", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    private long importProfile(String uscc, String name, String file) {
        var outcome = imports.importUploads(List.of(csv(file, "uscc,name,region_code,industry_code,size\n"
                + uscc + "," + name + ",350102,C3311,中型\n")), ADMIN);
        assertThat(outcome.problems()).isEmpty();
        return outcome.importId();
    }

    private long importFacts(String file, String rows) {
        var outcome = imports.importUploads(List.of(csv(file, "统一社会信用代码,指标,期间,数值,来源\n" + rows)), ADMIN);
        assertThat(outcome.problems()).isEmpty();
        return outcome.importId();
    }

    private Map<String, Object> fact(String uscc, String period) {
        return jdbc.sql("""
                        select value, file, row_no, import_id from enterprise_fact
                        where uscc = ? and indicator = 'electricity_kwh' and period = ?""")
                .params(uscc, period).query().listOfRows().stream().findFirst().orElse(null);
    }

    @Test
    void aRejectedImportIsKeptWithEveryProblem() {
        String good = Uscc.generate(new Random(7101), "350102");
        String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        var outcome = imports.importUploads(List.of(csv("坏档案.csv",
                "uscc,name,region_code\n" + good + ",好企业有限公司,350102\n" + bad + ",坏行有限公司,350102\n")), ADMIN);
        assertThat(outcome.accepted()).isFalse();
        ImportEntry entry = history.find(outcome.importId()).orElseThrow();
        assertThat(entry.rejected()).isTrue();
        assertThat(entry.fileName()).isEqualTo("坏档案.csv");
        assertThat(entry.problems()).isEqualTo(outcome.total());
        assertThat(history.problems(entry.id(), 100)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("坏档案.csv");
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("uscc");
            assertThat(p.reason()).isNotBlank();
        });
        assertThat(undo.plan(entry.id(), ADMIN).blockers()).containsExactly("被拒绝的导入没有写入任何数据，无需撤销");
        assertThat(store.contains(good)).isFalse();
    }

    @Test
    void undoRestoresThePreviousValuesExactlyIncludingAbsence() {
        String uscc = Uscc.generate(new Random(7102), "350102");
        long first = importProfile(uscc, "撤销测试原名有限公司", "档案一.csv");
        long factsOne = importFacts("数据一.csv", uscc + ",用电量,2024-01,100,国网福州供电公司\n");
        Map<String, Object> before = fact(uscc, "2024-01");
        long second = importFacts("数据二.csv", uscc + ",用电量,2024-01,200,国网福州供电公司\n"
                + uscc + ",用电量,2024-02,50,国网福州供电公司\n");
        long rename = importProfile(uscc, "撤销测试新名有限公司", "档案二.csv");
        assertThat(store.profile(uscc).orElseThrow().name()).isEqualTo("撤销测试新名有限公司");
        assertThat((BigDecimal) fact(uscc, "2024-01").get("value")).isEqualByComparingTo("200");

        ImportUndo.Plan renameUndone = undo.undo(rename, ADMIN);
        assertThat(renameUndone.profilesRestored()).isEqualTo(1);
        assertThat(store.profile(uscc).orElseThrow().name()).isEqualTo("撤销测试原名有限公司");

        ImportUndo.Plan plan = undo.plan(second, ADMIN);
        assertThat(plan.allowed()).isTrue();
        assertThat(plan.factsRestored()).isEqualTo(1);
        assertThat(plan.factsRemoved()).isEqualTo(1);
        undo.undo(second, ADMIN);
        assertThat(fact(uscc, "2024-01")).as("value, file, row and the import that set it, as before")
                .isEqualTo(before);
        assertThat(before.get("import_id")).isEqualTo(factsOne);
        assertThat(fact(uscc, "2024-02")).as("absent before the import, absent after the undo").isNull();
        assertThat(history.find(second).orElseThrow().undone()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_log where entity = 'import' and entity_id = ? and action = '撤销导入'")
                .param(Long.toString(second)).query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> undo.undo(second, ADMIN)).isInstanceOf(ImportUndoRefused.class)
                .hasMessageContaining("已于");

        undo.undo(factsOne, ADMIN);
        undo.undo(first, ADMIN);
        assertThat(store.contains(uscc)).as("the enterprise the first import created is gone with it").isFalse();
    }

    @Test
    void aLaterImportOfTheSameFactsBlocksTheUndoAndIsNamed() {
        String uscc = Uscc.generate(new Random(7103), "350102");
        importProfile(uscc, "后续导入测试有限公司", "档案.csv");
        long earlier = importFacts("早.csv", uscc + ",用电量,2024-03,300,国网福州供电公司\n");
        long later = importFacts("晚.csv", uscc + ",用电量,2024-03,310,国网福州供电公司\n");
        assertThatThrownBy(() -> undo.undo(earlier, ADMIN)).isInstanceOfSatisfying(ImportUndoRefused.class, e ->
                assertThat(e.reasons()).singleElement().satisfies(r -> assertThat(r)
                        .contains("第 " + later + " 号导入（晚.csv").contains(uscc).contains("2024-03")));
        assertThat((BigDecimal) fact(uscc, "2024-03").get("value")).as("a refused undo changes nothing")
                .isEqualByComparingTo("310");
        undo.undo(later, ADMIN);
        undo.undo(earlier, ADMIN);
        assertThat(fact(uscc, "2024-03")).isNull();
    }

    @Test
    void aCasePaidOnTheImportedFactsBlocksTheUndoAndIsNamed() {
        String uscc = Uscc.generate(new Random(7104), "350102");
        importProfile(uscc, "已兑现测试有限公司", "档案.csv");
        long facts = importFacts("用电.csv", uscc + ",用电量,2024-02,600000,国网福州供电公司\n");
        // the case only lives in this rolled-back transaction: other tests count cases
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            long caseId = jdbc.sql("""
                            insert into fulfilment_case (rule_id, title, uscc, enterprise_name, payer, unit, period, kind,
                              delivery, amount, state, paid_at)
                            values ('fz-2024-2/7', '春节期间企业用电奖励', ?, '已兑现测试有限公司', '市财政局', '市工信局',
                                    '2024-02-01..2024-02-29', '兑现', '免申即享', 12000, '已兑现', now()) returning id""")
                    .param(uscc).query(Long.class).single();
            assertThat(undo.plan(facts, ADMIN).blockers()).singleElement().satisfies(r ->
                    assertThat(r).contains("兑现事项 " + caseId).contains("春节期间企业用电奖励"));
            tx.setRollbackOnly();
        });
        assertThat(undo.plan(facts, ADMIN).allowed()).isTrue();
    }

    @Test
    void onlyTheImporterOrAnAdministratorMayUndo() {
        String uscc = Uscc.generate(new Random(7105), "350102");
        long id = importProfile(uscc, "他人撤销测试有限公司", "档案.csv");
        assertThat(undo.plan(id, OTHER_OFFICER).blockers()).singleElement()
                .satisfies(r -> assertThat(r).contains("只有导入人 admin 或管理员"));
        assertThatThrownBy(() -> undo.undo(id, OTHER_OFFICER)).isInstanceOf(ImportUndoRefused.class);
        assertThat(store.contains(uscc)).isTrue();
    }

    @Test
    void undoRestoresTheItemListsAnImportReplaced() {
        String uscc = Uscc.generate(new Random(7111), "350102");
        importProfile(uscc, "福州清单撤销测试有限公司", "清单档案.csv");
        long first = imports.importUploads(List.of(csv("贷款1.csv", "统一社会信用代码,清单,编号,起息日,贷款余额,年利率\n"
                + uscc + ",贷款,L001,2020-03-01,500万元,3.45%\n" + uscc + ",贷款,L002,2020-04-01,200万元,4%\n")), ADMIN).importId();
        long second = imports.importUploads(List.of(csv("贷款2.csv", "统一社会信用代码,清单,编号,贷款余额\n"
                + uscc + ",贷款,L003,100万元\n")), ADMIN).importId();
        assertThat(store.record(uscc).orElseThrow().facts().items("loans")).extracting(i -> i.id()).containsExactly("L003");

        // the first cannot go while the second, which replaced the same list, stands
        assertThatThrownBy(() -> undo.undo(first, ADMIN)).isInstanceOf(ImportUndoRefused.class)
                .hasMessageContaining("份清单");
        undo.undo(second, ADMIN);
        var loans = store.record(uscc).orElseThrow().facts().items("loans");
        assertThat(loans).extracting(i -> i.id()).containsExactly("L001", "L002");
        assertThat((BigDecimal) loans.get(1).get("balance")).isEqualByComparingTo("2000000");
        assertThat((BigDecimal) loans.get(0).get("rate")).isEqualByComparingTo("0.0345");

        // undoing the first leaves the enterprise with no loan list at all, as before it
        undo.undo(first, ADMIN);
        assertThat(store.record(uscc).orElseThrow().facts().hasItems("loans")).isFalse();
    }
}
