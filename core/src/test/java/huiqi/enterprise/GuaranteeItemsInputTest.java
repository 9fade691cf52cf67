package huiqi.enterprise;

import static huiqi.enterprise.ImportFixtures.A;
import static huiqi.enterprise.ImportFixtures.B;
import static huiqi.enterprise.ImportFixtures.CATALOG;
import static huiqi.enterprise.ImportFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import huiqi.facts.Item;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guarantees (担保合同, #17 item 1) come in by the catalog alone: the CSV/XLSX items sheet and enterprise JSON read them
 * with their Chinese names, units, percentages and dates, and refuse a wrong one all or nothing, as for loans.
 * (/api/v1/facts lists go through the same ItemRows check; ./huiqi batch reads items.csv/.parquet by the catalog too:
 * batch ItemKindsDifferentialTest.)
 */
class GuaranteeItemsInputTest {
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
    void guaranteesAreImportedByTheirChineseHeaders() throws Exception {
        importer.importFile(write(dir, "items.csv", String.join("\n",
                "统一社会信用代码,清单,编号,担保金额,担保费,担保费率,起始日,到期日,担保机构",
                A + ",担保合同,G001,500万元,5万元,1%,2024-01-01,2024-12-31,福州市融资担保有限责任公司",
                A + ",guarantees,G002,5000000.01,50000,0.8%,2024-03-01,,",
                B + ",担保合同,,,,,,,", ""), StandardCharsets.UTF_8, true));
        List<Item> a = store.record(A).orElseThrow().facts().items("guarantees");
        assertThat(a).extracting(Item::id).containsExactly("G001", "G002");
        assertThat((BigDecimal) a.get(0).get("amount")).isEqualByComparingTo("5000000");
        assertThat((BigDecimal) a.get(0).get("fee")).isEqualByComparingTo("50000");
        assertThat((BigDecimal) a.get(0).get("fee_rate")).isEqualByComparingTo("0.01");
        assertThat(a.get(0).get("start")).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(a.get(0).get("guarantor")).isEqualTo("福州市融资担保有限责任公司");
        assertThat(a.get(1).get("end")).isNull();
        var b = store.record(B).orElseThrow().facts();
        assertThat(b.hasItems("guarantees")).isTrue();
        assertThat(b.items("guarantees")).isEmpty();
    }

    @Test
    void aWrongGuaranteeRejectsTheWholeImport() {
        ImportRejectedException e = catchThrowableOfType(ImportRejectedException.class, () -> importer.importFile(write(dir,
                "items.csv", String.join("\n",
                        "uscc,kind,item_id,amount,fee,start,balance",
                        A + ",guarantees,G001,500万元,5万元,2024-01-01,",
                        A + ",guarantees,G002,500万元,5千瓦时,2024-01-01,",
                        A + ",guarantees,G003,500万元,5万元,2024-02-30,",
                        A + ",guarantees,G004,500万元,5万元,2024-01-01,1元", ""), StandardCharsets.UTF_8, false)));
        List<ImportProblem> p = e.problems();
        assertThat(p).anySatisfy(x -> {
            assertThat(x.row() + " " + x.column()).isEqualTo("3 fee");
            assertThat(x.reason()).contains("担保合同 G002 的担保费");
        });
        assertThat(p).anySatisfy(x -> assertThat(x.row() + " " + x.column()).isEqualTo("4 start"));
        assertThat(p).anySatisfy(x -> assertThat(x.row() + " " + x.column() + " " + x.reason()).startsWith("5 balance 担保合同没有字段"));
        assertThat(store.record(A).orElseThrow().facts().hasItems("guarantees")).isFalse();
    }

    @Test
    void guaranteesInEnterpriseJson() {
        EnterpriseRecord r = EnterpriseJson.parse("{\"profile\": {\"uscc\": \"91350100MA2XXXXX0G\", \"name\": \"甲\", \"region\": \"350102\"},"
                + " \"items\": {\"担保合同\": [{\"担保合同编号\": \"G1\", \"担保金额\": \"500万元\", \"fee_rate\": \"1.2%\", \"start\": \"2024-01-01\"}]}}",
                "e.json", CATALOG);
        Item g = r.facts().items("guarantees").get(0);
        assertThat(g.id()).isEqualTo("G1");
        assertThat((BigDecimal) g.get("amount")).isEqualByComparingTo("5000000");
        assertThat((BigDecimal) g.get("fee_rate")).isEqualByComparingTo("0.012");
        assertThatThrownBy(() -> EnterpriseJson.parse("{\"profile\": {\"uscc\": \"91350100MA2XXXXX0G\", \"name\": \"甲\", \"region\": \"350102\"},"
                + " \"items\": {\"guarantees\": [{\"id\": \"G1\", \"fee\": \"1千瓦时\"}]}}", "e.json", CATALOG))
                .hasMessageContaining("items.guarantees[0]").hasMessageContaining("担保合同 G1 的担保费");
    }
}
