package huiqi.enterprise;

import static huiqi.enterprise.ImportFixtures.A;
import static huiqi.enterprise.ImportFixtures.B;
import static huiqi.enterprise.ImportFixtures.C;
import static huiqi.enterprise.ImportFixtures.CATALOG;
import static huiqi.enterprise.ImportFixtures.dump;
import static huiqi.enterprise.ImportFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import huiqi.facts.FactValue;
import huiqi.facts.Period;
import huiqi.facts.Provenance;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnterpriseImporterTest {
    @TempDir
    Path dir;
    InMemoryEnterpriseStore store;
    EnterpriseImporter importer;

    static final String PROFILES = String.join("\n",
            "uscc,name,region_code,industry_code,size,above_scale_industrial,stats_included_month,source",
            A + ",福州鼓楼精密机械有限公司,350102,C3311,中型,是,2024-01,市统计局",
            B + ",泉州台商区新材料有限公司,350521,3985,小型,否,,市统计局",
            "");
    static final String FACTS = String.join("\n",
            "uscc,indicator,period,value,source",
            A + ",electricity_kwh,2024-01,612000,国网福州供电公司",
            A + ",electricity_kwh,2024-02,500000,国网福州供电公司",
            A + ",用气量,2024-02,1234.5,",
            B + ",insured_headcount,2024-02,57,市人社局",
            B + ",revenue,2024-Q1,\"1,250,000.00\",市统计局",
            "");

    @BeforeEach
    void setUp() {
        store = new InMemoryEnterpriseStore();
        importer = new EnterpriseImporter(CATALOG, store);
    }

    @Test
    void importsProfilesAndFactsWithProvenance() throws IOException {
        ImportResult r = importer.importFiles(List.of(
                write(dir, "profiles.csv", PROFILES, StandardCharsets.UTF_8, false),
                write(dir, "facts.csv", FACTS, StandardCharsets.UTF_8, false)));
        assertThat(r.profiles()).isEqualTo(2);
        assertThat(r.facts()).isEqualTo(5);

        Enterprise a = store.profile(A).orElseThrow();
        assertThat(a.name()).isEqualTo("福州鼓楼精密机械有限公司");
        assertThat(a.regionCode()).isEqualTo("350102");
        assertThat(a.industryCode()).isEqualTo("C3311");
        assertThat(a.size()).isEqualTo("中型");
        assertThat(a.attributes()).containsEntry("above_scale_industrial", true)
                .containsEntry("stats_included_month", YearMonth.of(2024, 1));
        Enterprise b = store.profile(B).orElseThrow();
        assertThat(b.industryCode()).isEqualTo("C3985");
        assertThat(b.attributes()).containsEntry("above_scale_industrial", false).doesNotContainKey("stats_included_month");
        assertThat(store.provenance(B, "size")).contains(new Provenance("市统计局", "profiles.csv", 3));

        FactValue feb = store.record(A).orElseThrow().facts().get("electricity_kwh", Period.parse("2024-02")).orElseThrow();
        assertThat(feb.value()).isEqualByComparingTo("500000");
        assertThat(feb.provenance()).isEqualTo(new Provenance("国网福州供电公司", "facts.csv", 3));
        FactValue gas = store.record(A).orElseThrow().facts().get("gas_m3", Period.parse("2024-02")).orElseThrow();
        assertThat(gas.provenance().source()).as("blank source falls back to the catalog's").isEqualTo("市燃气公司");
        assertThat(store.record(B).orElseThrow().facts().get("revenue", Period.parse("2024-Q1")).orElseThrow().value())
                .isEqualByComparingTo(new BigDecimal("1250000.00"));
        assertThat(store.factCount()).isEqualTo(5);
    }

    @Test
    void acceptsChineseHeaders() throws IOException {
        String profiles = "统一社会信用代码,企业名称,行政区划代码,行业代码,企业规模,规模以上工业企业,纳统月份\n"
                + A + ",福州鼓楼精密机械有限公司,350102,C3311,中型,是,2024-01\n";
        String facts = "统一社会信用代码,指标,期间,数值,来源\n" + A + ",用电量,2024-02,500000,国网福州供电公司\n";
        importer.importFiles(List.of(write(dir, "档案.csv", profiles, StandardCharsets.UTF_8, false),
                write(dir, "用电.csv", facts, StandardCharsets.UTF_8, false)));
        assertThat(store.profile(A).orElseThrow().attributes()).containsEntry("above_scale_industrial", true);
        assertThat(store.record(A).orElseThrow().facts().get("electricity_kwh", Period.parse("2024-02"))).isPresent();
    }

    @Test
    void gbkAndUtf8WithBomImportTheSame() throws IOException {
        InMemoryEnterpriseStore gbkStore = new InMemoryEnterpriseStore();
        new EnterpriseImporter(CATALOG, gbkStore).importFiles(List.of(
                write(dir, "profiles.csv", PROFILES, CsvEncoding.GBK, false),
                write(dir, "facts.csv", FACTS, CsvEncoding.GBK, false)));
        Path bomDir = dir.resolve("bom");
        bomDir.toFile().mkdirs();
        InMemoryEnterpriseStore bomStore = new InMemoryEnterpriseStore();
        new EnterpriseImporter(CATALOG, bomStore).importFiles(List.of(
                write(bomDir, "profiles.csv", PROFILES, StandardCharsets.UTF_8, true),
                write(bomDir, "facts.csv", FACTS, StandardCharsets.UTF_8, true)));

        assertThat(CsvEncoding.detect(dir.resolve("profiles.csv"))).isEqualTo(CsvEncoding.GBK);
        assertThat(CsvEncoding.detect(bomDir.resolve("profiles.csv"))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(gbkStore.profile(A).orElseThrow().name()).isEqualTo("福州鼓楼精密机械有限公司");
        assertThat(dump(gbkStore)).isEqualTo(dump(bomStore)).contains("泉州台商区新材料有限公司");
    }

    @Test
    void xlsxImportEqualsCsvImport() throws IOException {
        InMemoryEnterpriseStore csvStore = new InMemoryEnterpriseStore();
        new EnterpriseImporter(CATALOG, csvStore).importFiles(List.of(
                write(dir, "profiles.csv", PROFILES, StandardCharsets.UTF_8, false),
                write(dir, "facts.csv", FACTS.replace("\"1,250,000.00\"", "1250000.00"), StandardCharsets.UTF_8, false)));
        Path x = dir.resolve("x");
        x.toFile().mkdirs();
        InMemoryEnterpriseStore xlsxStore = new InMemoryEnterpriseStore();
        new EnterpriseImporter(CATALOG, xlsxStore).importFiles(List.of(
                ImportFixtures.xlsx(x, "profiles.xlsx", PROFILES),
                ImportFixtures.xlsx(x, "facts.xlsx", FACTS.replace("\"1,250,000.00\"", "1250000.00"))));
        assertThat(csvStore.usccs()).hasSize(2);
        assertThat(dump(xlsxStore)).isEqualTo(dump(csvStore).replace(".csv", ".xlsx"));
    }

    @Test
    void xlsxNumericAndDateCellsReadAsTheirText() throws IOException {
        Path f = dir.resolve("facts.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = java.nio.file.Files.newOutputStream(f)) {
            var sheet = wb.createSheet();
            var h = sheet.createRow(0);
            String[] header = {"uscc", "indicator", "period", "value"};
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            var r = sheet.createRow(1);
            r.createCell(0).setCellValue(A);
            r.createCell(1).setCellValue("electricity_kwh");
            r.createCell(2).setCellValue("2024-02");
            r.createCell(3).setCellValue(500000.25);
            wb.write(out);
        }
        importer.importFiles(List.of(write(dir, "profiles.csv", PROFILES, StandardCharsets.UTF_8, false), f));
        assertThat(store.record(A).orElseThrow().facts().get("electricity_kwh", Period.parse("2024-02")).orElseThrow().value())
                .isEqualByComparingTo("500000.25");
        assertThat(store.record(A).orElseThrow().facts().get("electricity_kwh", Period.parse("2024-02")).orElseThrow().provenance())
                .isEqualTo(new Provenance("供电公司", "facts.xlsx", 2));
    }

    @Test
    void laterFilesUpdateSuppliedFieldsOnlyAndReplaceFacts() throws IOException {
        importer.importFiles(List.of(write(dir, "profiles.csv", PROFILES, StandardCharsets.UTF_8, false),
                write(dir, "facts.csv", FACTS, StandardCharsets.UTF_8, false)));
        importer.importFile(write(dir, "商务局.csv", "uscc,foreign_invested\n" + A + ",是\n", StandardCharsets.UTF_8, false));
        importer.importFile(write(dir, "更正.csv", "uscc,indicator,period,value,source\n"
                + A + ",electricity_kwh,2024-02,510000,国网福州供电公司\n", StandardCharsets.UTF_8, false));
        Enterprise a = store.profile(A).orElseThrow();
        assertThat(a.name()).isEqualTo("福州鼓楼精密机械有限公司");
        assertThat(a.attributes()).containsEntry("foreign_invested", true).containsEntry("above_scale_industrial", true);
        assertThat(store.provenance(A, "foreign_invested").orElseThrow().file()).isEqualTo("商务局.csv");
        assertThat(store.provenance(A, "name").orElseThrow().file()).isEqualTo("profiles.csv");
        FactValue feb = store.record(A).orElseThrow().facts().get("electricity_kwh", Period.parse("2024-02")).orElseThrow();
        assertThat(feb.value()).isEqualByComparingTo("510000");
        assertThat(feb.provenance().file()).isEqualTo("更正.csv");
        assertThat(store.factCount()).isEqualTo(5);
    }

    @Test
    void factForUnknownEnterpriseIsRejectedEvenWhenItsProfileIsValid() throws IOException {
        assertThatThrownBy(() -> importer.importFile(write(dir, "facts.csv", FACTS, StandardCharsets.UTF_8, false)))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("不在企业档案中");
        assertThat(store.usccs()).isEmpty();
    }

    @Test
    void aCsvThatBreaksOffMidwayIsRejectedNotCrashed() throws IOException {
        Path f = write(dir, "facts.csv", "uscc,indicator,period,value\n" + A + ",electricity_kwh,2024-02,\"5000\n", StandardCharsets.UTF_8, false);
        ImportRejectedException e = catchThrowableOfType(ImportRejectedException.class,
                () -> importer.importFiles(List.of(write(dir, "profiles.csv", PROFILES, StandardCharsets.UTF_8, false), f)));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.reason()).contains("无法读取"));
        assertThat(store.usccs()).isEmpty();
    }

    @Test
    void unreadableFilesAreProblemsToo() throws IOException {
        Path bogus = write(dir, "facts.xlsx", "not a workbook", StandardCharsets.UTF_8, false);
        Path pdf = write(dir, "facts.pdf", "x", StandardCharsets.UTF_8, false);
        ImportRejectedException e = catchThrowableOfType(ImportRejectedException.class,
                () -> importer.importFiles(List.of(bogus, pdf)));
        assertThat(e.problems()).hasSize(2).allSatisfy(p -> assertThat(p.reason()).contains("无法读取"));
    }
}
