package huiqi.web.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.enterprise.Uscc;
import huiqi.web.batch.PgDataExport;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/** Items (#17 item 1) on the platform: the items sheet lands in PostgreSQL (V740), reads back typed, exports for the batch. */
@PlatformTest
class ItemImportTest {
    @Autowired
    EnterpriseImportService imports;
    @Autowired
    PgEnterpriseStore store;
    @Autowired
    PgDataExport export;
    @TempDir
    Path dir;

    private static MockMultipartFile csv(String name, String content) {
        return new MockMultipartFile("files", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void loansAreStoredReplacedAndExported() throws Exception {
        String uscc = Uscc.generate(new Random(1740), "350102");
        var outcome = imports.importUploads(List.of(
                csv("profiles.csv", "uscc,name,region_code\n" + uscc + ",福州贷款测试有限公司,350102\n"),
                csv("items.csv", "统一社会信用代码,清单,编号,起息日,贷款余额,年利率\n"
                        + uscc + ",贷款,L001,2020-03-01,500万元,3.45%\n"
                        + uscc + ",贷款,L002,2020-04-01,,4%\n"
                        + uscc + ",租赁合同,,,,\n")), ImportTest.ADMIN);
        assertThat(outcome.problems()).isEmpty();
        var facts = store.record(uscc).orElseThrow().facts();
        assertThat(facts.items("loans")).extracting(i -> i.id()).containsExactly("L001", "L002");
        assertThat((BigDecimal) facts.items("loans").get(0).get("balance")).isEqualByComparingTo("5000000");
        assertThat((BigDecimal) facts.items("loans").get(0).get("rate")).isEqualByComparingTo("0.0345");
        assertThat(facts.items("loans").get(0).get("start")).isEqualTo(LocalDate.of(2020, 3, 1));
        assertThat(facts.items("loans").get(1).get("balance")).isNull();
        assertThat(facts.hasItems("leases")).isTrue();
        assertThat(facts.items("leases")).isEmpty();

        // a bad row rejects the whole upload and leaves the stored list as it was
        var bad = imports.importUploads(List.of(csv("items.csv", "uscc,kind,item_id,balance\n" + uscc + ",loans,L009,1千瓦时\n")),
                ImportTest.ADMIN);
        assertThat(bad.accepted()).isFalse();
        assertThat(bad.problems()).anySatisfy(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.column()).isEqualTo("balance");
        });
        assertThat(store.record(uscc).orElseThrow().facts().items("loans")).hasSize(2);

        // a new list replaces the stored one (L002 repaid)
        assertThat(imports.importUploads(List.of(csv("items.csv", "uscc,kind,item_id,balance\n" + uscc + ",loans,L001,400万元\n")),
                ImportTest.ADMIN).problems()).isEmpty();
        assertThat(store.record(uscc).orElseThrow().facts().items("loans")).extracting(i -> i.id()).containsExactly("L001");

        export.export(dir, () -> { });
        List<String> lines = Files.readAllLines(dir.resolve("items.csv"));
        assertThat(lines.get(0)).isEqualTo("uscc,kind,item_id,field,value");
        assertThat(lines).contains(uscc + ",loans,L001,balance,4000000", uscc + ",leases,,,", uscc + ",loans,,,");
    }
}
