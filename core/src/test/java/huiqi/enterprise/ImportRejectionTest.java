package huiqi.enterprise;

import static huiqi.enterprise.ImportFixtures.A;
import static huiqi.enterprise.ImportFixtures.B;
import static huiqi.enterprise.ImportFixtures.C;
import static huiqi.enterprise.ImportFixtures.CATALOG;
import static huiqi.enterprise.ImportFixtures.dump;
import static huiqi.enterprise.ImportFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import huiqi.facts.FactValue;
import huiqi.facts.Period;
import huiqi.facts.Provenance;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad row rejects the whole import, is reported with file, row and column, and changes nothing. */
class ImportRejectionTest {
    @TempDir
    Path dir;
    InMemoryEnterpriseStore store;
    EnterpriseImporter importer;
    String before;

    @BeforeEach
    void seedStore() throws IOException {
        store = new InMemoryEnterpriseStore();
        importer = new EnterpriseImporter(CATALOG, store);
        importer.importFiles(List.of(
                write(dir, "seed-profiles.csv", "uscc,name,region_code\n" + A + ",已有企业,350102\n", StandardCharsets.UTF_8, false),
                write(dir, "seed-facts.csv", "uscc,indicator,period,value\n" + A + ",electricity_kwh,2024-01,100\n",
                        StandardCharsets.UTF_8, false)));
        before = dump(store);
    }

    private ImportRejectedException reject(Path... files) {
        ImportRejectedException e = catchThrowableOfType(ImportRejectedException.class,
                () -> importer.importFiles(List.of(files)));
        assertThat(e).as("import should be rejected").isNotNull();
        assertThat(dump(store)).as("nothing stored may change").isEqualTo(before);
        return e;
    }

    private static void assertProblem(ImportRejectedException e, String file, int row, String column, String reason) {
        assertThat(e.problems()).as(e.getMessage())
                .anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo(file);
                    assertThat(p.row()).isEqualTo(row);
                    assertThat(p.column()).isEqualTo(column);
                    assertThat(p.reason()).contains(reason);
                });
    }

    @Test
    void everyBadProfileRowIsReportedAndNothingChanges() throws IOException {
        String badCheck = B.substring(0, 17) + (B.charAt(17) == '0' ? '1' : '0');
        Path f = write(dir, "profiles.csv", String.join("\n",
                "uscc,name,region_code,industry_code,size,above_scale_industrial,stats_included_month,规模以上服务业企业",
                A + ",已有企业改名,350102,C3311,中型,是,2024-01,否",    // 2: fine, but must not be stored
                badCheck + ",校验码错,350102,C3311,中型,是,2024-01,否",   // 3: check digit
                "91350102ABC,太短,350102,C3311,中型,是,2024-01,否",      // 4: length
                C + ",区划错,359999X,C3311,中型,是,2024-01,否",           // 5: region
                Uscc.generate(new java.util.SplittableRandom(4), "350105") + ",行业错,350105,C99,特大型,也许,2024-13,否",          // 6: industry, size, boolean, month
                B + ",重复一,350521,C3311,小型,是,,",                     // 7: fine
                B + ",重复二,350521,C3311,小型,是,,"),                    // 8: duplicate of 7
                StandardCharsets.UTF_8, false);
        ImportRejectedException e = reject(f);
        assertProblem(e, "profiles.csv", 3, "uscc", "校验码错误");
        assertProblem(e, "profiles.csv", 4, "uscc", "18位");
        assertProblem(e, "profiles.csv", 5, "region_code", "行政区划代码");
        assertProblem(e, "profiles.csv", 6, "industry_code", "GB/T 4754");
        assertProblem(e, "profiles.csv", 6, "size", "大型/中型/小型/微型");
        assertProblem(e, "profiles.csv", 6, "above_scale_industrial", "是/否");
        assertProblem(e, "profiles.csv", 6, "stats_included_month", "月份");
        assertProblem(e, "profiles.csv", 8, "uscc", "重复（首次出现在第7行）");
        assertThat(e.problems()).hasSize(8);
        assertThat(e.getMessage()).contains("profiles.csv 第3行 列「uscc」").contains("未写入任何数据");
    }

    @Test
    void unknownAttributeColumnRejectsTheFile() throws IOException {
        ImportRejectedException e = reject(write(dir, "p.csv",
                "uscc,name,是否独角兽\n" + B + ",某企业,是\n", StandardCharsets.UTF_8, false));
        assertProblem(e, "p.csv", 1, "是否独角兽", "未知的列");
    }

    @Test
    void everyBadFactRowIsReportedAndNothingChanges() throws IOException {
        Path f = write(dir, "facts.csv", String.join("\n",
                "uscc,indicator,period,value,source",
                A + ",electricity_kwh,2024-01,999,供电公司",             // 2: fine (would replace), must not be stored
                A + ",welfare_index,2024-02,1,供电公司",                 // 3: unknown indicator
                A + ",electricity_kwh,2024-13,1,供电公司",               // 4: malformed period
                A + ",electricity_kwh,2024-02-03,1,供电公司",            // 5: a day of a monthly indicator
                A + ",electricity_kwh,2024-03,约100,供电公司",            // 6: non-numeric
                A + ",electricity_kwh,2024-05,,供电公司",                 // 7: blank value
                A + ",electricity_kwh,2024-02,10,供电公司",               // 8: fine
                A + ",用电量,2024-02,11,供电公司",                         // 9: duplicate of 8 (by Chinese name)
                B + ",electricity_kwh,2024-02,10,供电公司",               // 10: unknown enterprise
                A.substring(0, 17) + "I" + ",electricity_kwh,2024-04,1,x"), // 11: bad code
                StandardCharsets.UTF_8, false);
        ImportRejectedException e = reject(f);
        assertProblem(e, "facts.csv", 3, "indicator", "未知指标");
        assertProblem(e, "facts.csv", 4, "period", "期间格式错误");
        assertProblem(e, "facts.csv", 5, "period", "按月统计");
        assertProblem(e, "facts.csv", 6, "value", "应为数字");
        assertProblem(e, "facts.csv", 7, "value", "数值为空");
        assertProblem(e, "facts.csv", 9, "", "已出现在 facts.csv 第8行");
        assertProblem(e, "facts.csv", 10, "uscc", "不在企业档案中");
        assertProblem(e, "facts.csv", 11, "uscc", "不允许");
        assertThat(e.problems()).hasSize(8);
        assertThat(store.record(A).orElseThrow().facts().get("electricity_kwh", Period.parse("2024-01")).orElseThrow().value())
                .isEqualByComparingTo("100");
    }

    @Test
    void missingRequiredColumnsAndExtraCells() throws IOException {
        ImportRejectedException e = reject(
                write(dir, "f.csv", "uscc,indicator,value\n" + A + ",electricity_kwh,1\n", StandardCharsets.UTF_8, false),
                write(dir, "p.csv", "name,size\n某企业,小型\n", StandardCharsets.UTF_8, false),
                write(dir, "g.csv", "uscc,indicator,period,value\n" + A + ",electricity_kwh,2024-05,1,多余\n", StandardCharsets.UTF_8, false));
        assertProblem(e, "f.csv", 1, "period", "缺少必需的列");
        assertProblem(e, "p.csv", 1, "uscc", "缺少必需的列");
        assertProblem(e, "g.csv", 2, "", "多于表头");
    }

    @Test
    void aGoodFileIsRejectedAlongWithABadOneInTheSameImport() throws IOException {
        Path good = write(dir, "good.csv", "uscc,name\n" + B + ",新企业\n", StandardCharsets.UTF_8, false);
        Path bad = write(dir, "bad.csv", "uscc,indicator,period,value\n" + B + ",electricity_kwh,2024-02-03,1\n", StandardCharsets.UTF_8, false);
        reject(good, bad);
        assertThat(store.contains(B)).isFalse();
    }

    @Test
    void theStoreItselfRefusesFactsOfUnknownEnterprisesWithoutChangingAnything() {
        ImportBatch batch = new ImportBatch(
                List.of(new ImportedProfile(C, "新企业", "350104", null, null, null, new Provenance("", "x.csv", 2))),
                List.of(new ImportedFact(A, new FactValue("electricity_kwh", Period.parse("2024-03"), BigDecimal.ONE, new Provenance("", "y.csv", 2))),
                        new ImportedFact(B, new FactValue("electricity_kwh", Period.parse("2024-03"), BigDecimal.ONE, new Provenance("", "y.csv", 3)))));
        ImportRejectedException e = catchThrowableOfType(ImportRejectedException.class, () -> store.apply(batch));
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.row()).isEqualTo(3));
        assertThat(dump(store)).isEqualTo(before);
    }
}
