package huiqi.batch.duck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.batch.run.BatchOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profiles header written with a rule's field name ({@code region}) instead of the import column
 * ({@code region_code}) used to leave every enterprise without a region: every regional rule undeterminable, silently.
 */
class ProfileHeaderTest {
    @TempDir
    Path dir;

    @Test
    void aRuleFieldNameAsHeaderIsRefusedWithTheColumnToWrite() throws Exception {
        write("uscc,name,region,industry_code,size\n91350102MA2XXXXX1A,甲公司,350102,C13,小型\n");
        assertThatThrownBy(() -> BatchRunner.open(dir, TestPopulation.CATALOG, TestPopulation.RULES, BatchOptions.defaults()))
                .hasMessageContaining("列名 region 应写作 region_code")
                .hasMessageContaining("行政区划代码");
    }

    @Test
    void otherColumnsAreListedAsUnread() throws Exception {
        write("uscc,name,region_code,application_time\n91350102MA2XXXXX1A,甲公司,350102,2024-01-02\n");
        List<String> said = new ArrayList<>();
        try (BatchRunner b = BatchRunner.open(dir, TestPopulation.CATALOG, TestPopulation.RULES,
                new BatchOptions(null, null, null, said::add))) {
            assertThat(b.enterprises()).isEqualTo(1);
        }
        assertThat(said).anySatisfy(line -> assertThat(line).contains("规则不会读到：application_time"));
    }

    private void write(String profiles) throws Exception {
        Files.writeString(dir.resolve("profiles.csv"), profiles);
        Files.writeString(dir.resolve("facts.csv"), "uscc,indicator,period,value\n");
    }
}
