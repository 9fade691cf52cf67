package huiqi.web.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.enterprise.Uscc;
import huiqi.web.enterprise.EnterpriseImportService;
import huiqi.web.security.DemoAccounts;
import huiqi.web.security.Role;
import huiqi.web.security.UserAccounts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Imports real enterprises through the platform's own import (profile + facts) with a login each: one that
 * qualifies for 榕政办规〔2024〕2号 measure 7 (2月用电量 ≥ 50万千瓦时, 规上工业) and one that does not.
 */
final class TestEnterprises {
    private TestEnterprises() {
    }

    record Pair(String eligible, String other) {
    }

    static Pair importPair(EnterpriseImportService imports, UserAccounts accounts, PasswordEncoder encoder, long kwh) {
        SplittableRandom random = new SplittableRandom(System.nanoTime());
        String a = Uscc.generate(random, "350104");
        String b = Uscc.generate(random, "350105");
        var outcome = imports.importUploads(List.of(
                csv("企业档案.csv", "统一社会信用代码,企业名称,行政区划代码,行业代码,企业规模,规模以上工业企业,制造业企业\n"
                        + a + ",福州仓山兑现测试机械有限公司" + a.substring(14) + ",350104,C3311,中型,是,是\n"
                        + b + ",福州晋安兑现测试电子有限公司" + b.substring(14) + ",350105,C3971,小型,是,是\n"),
                csv("事实.csv", "统一社会信用代码,指标,期间,数值,来源\n"
                        + a + ",用电量,2024-02," + kwh + ",国网福州供电公司\n"
                        + b + ",用电量,2024-02,120000,国网福州供电公司\n"
                        + a + ",纳税额,2024-Q1,20000,市税务局\n"
                        + b + ",纳税额,2024-Q1,900000,市税务局\n")), "admin"); // names other departments as sources: only an administrator may
        assertThat(outcome.problems()).isEmpty();
        String hash = encoder.encode(DemoAccounts.PASSWORD);
        accounts.create(a, hash, Role.ENTERPRISE, "兑现测试企业A", null, a);
        accounts.create(b, hash, Role.ENTERPRISE, "兑现测试企业B", null, b);
        return new Pair(a, b);
    }

    /** Raises the 2月用电量 of an enterprise (new data from the power company). */
    static void newElectricity(EnterpriseImportService imports, String uscc, long kwh) {
        var outcome = imports.importUploads(List.of(csv("补充数据.csv", "统一社会信用代码,指标,期间,数值,来源\n"
                + uscc + ",用电量,2024-02," + kwh + ",国网福州供电公司\n")), "admin"); // names other departments as sources: only an administrator may
        assertThat(outcome.problems()).isEmpty();
    }

    private static MockMultipartFile csv(String name, String content) {
        return new MockMultipartFile("files", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }
}
