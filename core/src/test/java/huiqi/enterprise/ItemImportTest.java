package huiqi.enterprise;

import static huiqi.enterprise.ImportFixtures.A;
import static huiqi.enterprise.ImportFixtures.B;
import static huiqi.enterprise.ImportFixtures.CATALOG;
import static huiqi.enterprise.ImportFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The items sheet of a CSV/XLSX import (#17 item 1): one row per item, all or nothing, errors by file, row and column. */
class ItemImportTest {
    @TempDir
    Path dir;
    InMemoryEnterpriseStore store;
    EnterpriseImporter importer;

    @BeforeEach
    void setUp() throws Exception {
        store = new InMemoryEnterpriseStore();
        importer = new EnterpriseImporter(CATALOG, store);
        importer.importFile(write(dir, "profiles.csv", EnterpriseImporterTest.PROFILES, StandardCharsets.UTF_8, false));
    }

    @Test
    void listsAreImportedAndReplaceTheStoredListOfTheirKind() throws Exception {
        importer.importFile(write(dir, "items.csv", String.join("\n",
                "统一社会信用代码,清单,编号,起息日,到期日,贷款余额,年利率,月租金",
                A + ",贷款,L001,2020-03-01,2021-03-01,500万元,3.45%,",
                A + ",loans,L002,2020-04-01,,1200000,4%,",
                B + ",租赁合同,,,,,,", ""), StandardCharsets.UTF_8, true));
        var a = store.record(A).orElseThrow().facts();
        assertThat(a.items("loans")).extracting(i -> i.id()).containsExactly("L001", "L002");
        assertThat((BigDecimal) a.items("loans").get(0).get("balance")).isEqualByComparingTo("5000000");
        assertThat(a.items("loans").get(0).get("start")).isEqualTo(LocalDate.of(2020, 3, 1));
        assertThat(a.items("loans").get(1).get("end")).isNull(); // empty cell: unknown
        var b = store.record(B).orElseThrow().facts();
        assertThat(b.hasItems("leases")).isTrue();
        assertThat(b.items("leases")).isEmpty();
        assertThat(b.hasItems("loans")).isFalse();
        // a later import of A's loans replaces the list (L002 repaid), leaves its other kinds
        importer.importFile(write(dir, "items2.csv", "uscc,kind,item_id,balance\n" + A + ",loans,L001,400万元\n",
                StandardCharsets.UTF_8, false));
        assertThat(store.record(A).orElseThrow().facts().items("loans")).extracting(i -> i.id()).containsExactly("L001");
    }

    @Test
    void aWrongRowRejectsTheWholeImportNamingFileRowAndColumn() throws Exception {
        ImportRejectedException e = catchThrowableOfType(ImportRejectedException.class, () -> importer.importFile(write(dir,
                "items.csv", String.join("\n",
                        "uscc,kind,item_id,start,balance,monthly_rent",
                        A + ",loans,L001,2020-03-01,500万元,",
                        A + ",loans,L001,2020-04-01,1元,",
                        A + ",loans,L003,2020-02-30,1元,",
                        A + ",loans,L004,2020-02-01,5千瓦时,",
                        A + ",loans,L005,2020-02-01,1元,100元",
                        A + ",loanz,L006,,,", ""), StandardCharsets.UTF_8, false)));
        List<ImportProblem> p = e.problems();
        assertThat(p).anySatisfy(x -> assertThat(x.row() + " " + x.column() + " " + x.reason()).isEqualTo(3 + " item_id 贷款 L001 与第 2 行重复"));
        assertThat(p).anySatisfy(x -> assertThat(x.row() + " " + x.column()).isEqualTo("4 start"));
        assertThat(p).anySatisfy(x -> {
            assertThat(x.row() + " " + x.column()).isEqualTo("5 balance");
            assertThat(x.reason()).contains("贷款 L004 的贷款余额");
        });
        assertThat(p).anySatisfy(x -> assertThat(x.row() + " " + x.column() + " " + x.reason()).startsWith("6 monthly_rent 贷款没有字段"));
        assertThat(p).anySatisfy(x -> assertThat(x.row() + " " + x.column() + " " + x.reason()).startsWith("7 kind 未知清单 'loanz'"));
        assertThat(store.record(A).orElseThrow().facts().hasItems("loans")).isFalse(); // nothing stored
    }
}
