package huiqi.bench.platform;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.bench.web.PlatformUnderTest;
import huiqi.facts.IndicatorCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The bench's bulk load drops enterprise_fact's keys for the COPY: the product's schema must be whole afterwards. */
class BulkEnterpriseLoadTest {

    @Test
    void loadsEveryFactAndLeavesTheKeysAndTheDataVersionAsTheProductHasThem(@TempDir Path tmp) throws Exception {
        try (PlatformUnderTest platform = new PlatformUnderTest(3, Map.of())) {
            JdbcClient jdbc = platform.bean(JdbcClient.class);
            String constraints = """
                    select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
                    where conrelid = cast('enterprise_fact' as regclass) order by conname""";
            List<String> before = jdbc.sql(constraints).query(String.class).list();
            long versionBefore = jdbc.sql("select count(*) from batch_data_change").query(Long.class).single();
            long enterprisesBefore = jdbc.sql("select count(*) from enterprise").query(Long.class).single();

            BulkEnterpriseLoad.Loaded loaded = new BulkEnterpriseLoad(platform.bean(DataSource.class), platform.bean(IndicatorCatalog.class))
                    .load(40, 20240601, tmp);

            assertThat(jdbc.sql(constraints).query(String.class).list()).isEqualTo(before)
                    .anyMatch(c -> c.contains("PRIMARY KEY (uscc, indicator, period)"))
                    .anyMatch(c -> c.contains("FOREIGN KEY (uscc) REFERENCES enterprise(uscc) ON DELETE CASCADE"));
            assertThat(jdbc.sql("select count(*) from enterprise").query(Long.class).single()).isEqualTo(enterprisesBefore + loaded.enterprises());
            assertThat(loaded.facts()).isGreaterThan(loaded.enterprises());
            assertThat(jdbc.sql("select count(*) from enterprise_fact f where not exists (select 1 from enterprise e where e.uscc = f.uscc)")
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from batch_data_change").query(Long.class).single())
                    .as("V831's statement triggers saw the load").isGreaterThan(versionBefore);
            try (var files = Files.list(tmp)) {
                assertThat(files).isEmpty();
            }
        }
    }
}
