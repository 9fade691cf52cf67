package huiqi.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.facts.Facts;
import huiqi.facts.Period;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixtures' one writer: the files ./huiqi batch reads, and the same facts and items in the enterprise's Facts. */
class FixtureFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesTheThreeLongFormFilesAndKeepsTheFactsInStep() throws Exception {
        Facts facts = Facts.empty();
        Map<String, Object> lease = new LinkedHashMap<>();
        lease.put("lessor", "黄石市\"城投\",集团");
        lease.put("start", LocalDate.of(2024, 2, 29));
        lease.put("monthly_rent", new BigDecimal("1E+3"));
        try (FixtureFiles out = new FixtureFiles(dir, "zone")) {
            out.profile("A00001", "企业1", "420202", "F5211", "小型", "无");
            out.fact(facts, "A00001", "gas_m3", "2024-01", new BigDecimal("1.50E+2"));
            out.item(facts, "A00001", "leases", "HT1", lease);
            out.noItems(facts, "A00001", "loans");
        }
        assertThat(read("profiles.csv")).containsExactly("uscc,name,region_code,industry_code,size,zone", "A00001,企业1,420202,F5211,小型,无");
        assertThat(read("facts.csv")).containsExactly("uscc,indicator,period,value", "A00001,gas_m3,2024-01,150");
        assertThat(read("items.csv")).containsExactly("uscc,kind,item_id,field,value",
                "A00001,leases,HT1,lessor,\"黄石市\"\"城投\"\",集团\"",
                "A00001,leases,HT1,start,2024-02-29",
                "A00001,leases,HT1,monthly_rent,1000",
                "A00001,loans,,,");
        assertThat(facts.get("gas_m3", Period.parse("2024-01")).orElseThrow().value()).isEqualByComparingTo("150");
        assertThat(facts.items("leases")).singleElement().satisfies(i -> assertThat(i.id()).isEqualTo("HT1"));
        assertThat(facts.hasItems("loans")).isTrue();
        assertThat(facts.items("loans")).isEmpty();
    }

    private List<String> read(String file) throws Exception {
        return Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
    }
}
