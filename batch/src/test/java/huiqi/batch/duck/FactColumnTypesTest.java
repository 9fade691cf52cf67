package huiqi.batch.duck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.batch.run.BatchOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each pivoted fact column of the wide table is DECIMAL(p, s): s the most decimals written in the column, p the
 * integer digits of its largest absolute value plus s (DECIMAL(1, 0) for a column with no value), and every value is
 * the written number at that scale, whatever way the file writes it (sign, leading zeros, trailing zeros, thousands
 * separators). The expected types below are worked out by hand from the written values.
 */
class FactColumnTypesTest {
    private static final String A = "91350100AWKWARD01X";
    private static final String B = "91350100AWKWARD02X";
    private static final String C = "91350100AWKWARD03X";
    private static final String D = "91350100AWKWARD04X";
    private static final String NO_FACTS = "91350100AWKWARD05X";

    @TempDir
    Path dir;

    @Test
    void factColumnsAreTypedByTheirWrittenDecimalsAndLargestValue() throws Exception {
        Files.writeString(dir.resolve("profiles.csv"), "uscc,name,region_code,industry_code,size\n"
                + String.join("", List.of(A, B, C, D, NO_FACTS).stream().map(u -> u + ",某公司,350102,C1951,小型\n").toList()),
                StandardCharsets.UTF_8);
        StringBuilder facts = new StringBuilder("uscc,indicator,period,value,source\n");
        // negative, zero, one ten-thousandth and the largest value of 14 digits at scale 4
        fact(facts, A, "revenue", "2022", "-5");
        fact(facts, B, "revenue", "2022", "0");
        fact(facts, C, "revenue", "2022", "0.0001");
        fact(facts, D, "revenue", "2022", "9999999999.9999");
        // every value negative: the precision comes from the largest absolute value
        fact(facts, A, "total_assets", "2022", "-12.5");
        fact(facts, B, "total_assets", "2022", "-3");
        // trailing zeros, a minus zero and leading zeros as a file may write them
        fact(facts, A, "employees", "2022", "1.50");
        fact(facts, B, "employees", "2022", "-0.0");
        fact(facts, C, "employees", "2022", "007");
        // a thousands separator (quoted in the file)
        fact(facts, A, "ui_premium_paid", "2022", "\"1,234.5\"");
        fact(facts, B, "ui_premium_paid", "2022", "0.25");
        // beyond 18 digits: a 128-bit decimal
        fact(facts, A, "bank_loan_balance", "2022", "123456789012345678901.5");
        fact(facts, B, "bank_loan_balance", "2022", "-0.5");
        // exponent forms: the decimals counted after the point of the text (1.5e3: 3), the number as the cast reads it
        fact(facts, A, "exports_usd", "2023", "1.5e3");
        fact(facts, B, "exports_usd", "2023", "2E-2");
        fact(facts, A, "exports_usd", "2023-01", "1e20");
        // an exponent form with more decimals than the text shows after a point: rounded half away from zero at scale 0
        fact(facts, A, "exports_usd", "2023-02", "15e-1");
        fact(facts, B, "exports_usd", "2023-02", "-25e-1");
        Files.writeString(dir.resolve("facts.csv"), facts, StandardCharsets.UTF_8);

        try (BatchRunner b = BatchRunner.open(dir, TestPopulation.CATALOG, TestPopulation.RULES, BatchOptions.defaults())) {
            Map<String, String> types = types(b);
            assertThat(types).containsEntry("f_revenue_2022", "DECIMAL(14,4)")
                    .containsEntry("f_total_assets_2022", "DECIMAL(3,1)")
                    .containsEntry("f_employees_2022", "DECIMAL(3,2)")
                    .containsEntry("f_ui_premium_paid_2022", "DECIMAL(6,2)")
                    .containsEntry("f_bank_loan_balance_2022", "DECIMAL(22,1)")
                    .containsEntry("f_exports_usd_2023", "DECIMAL(7,3)")
                    .containsEntry("f_exports_usd_2023_01", "DECIMAL(21,0)")
                    .containsEntry("f_exports_usd_2023_02", "DECIMAL(1,0)")
                    .containsEntry("f_revenue_2022_Q1", "DECIMAL(1,0)"); // no value in the file
            assertThat(values(b, "f_revenue_2022")).containsExactly("-5.0000", "0.0000", "0.0001", "9999999999.9999", null);
            assertThat(values(b, "f_total_assets_2022")).containsExactly("-12.5", "-3.0", null, null, null);
            assertThat(values(b, "f_employees_2022")).containsExactly("1.50", "0.00", "7.00", null, null);
            assertThat(values(b, "f_ui_premium_paid_2022")).containsExactly("1234.50", "0.25", null, null, null);
            assertThat(values(b, "f_bank_loan_balance_2022")).containsExactly("123456789012345678901.5", "-0.5", null, null, null);
            assertThat(values(b, "f_exports_usd_2023")).containsExactly("1500.000", "0.020", null, null, null);
            assertThat(values(b, "f_exports_usd_2023_01")).containsExactly("100000000000000000000", null, null, null, null);
            assertThat(values(b, "f_exports_usd_2023_02")).containsExactly("2", "-3", null, null, null);
            assertThat(values(b, "f_revenue_2022_Q1")).containsOnlyNulls().hasSize(5);
            assertThat(b.enterprises()).isEqualTo(5);
        }
    }

    @Test
    void aValueThatIsNoNumberFailsTheLoad() throws Exception {
        Files.writeString(dir.resolve("profiles.csv"), "uscc,name,region_code,industry_code,size\n" + A + ",某公司,350102,C1951,小型\n",
                StandardCharsets.UTF_8);
        StringBuilder facts = new StringBuilder("uscc,indicator,period,value,source\n");
        fact(facts, A, "revenue", "2022", "12.5");
        fact(facts, A, "employees", "2022", "十二");
        Files.writeString(dir.resolve("facts.csv"), facts, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BatchRunner.open(dir, TestPopulation.CATALOG, TestPopulation.RULES, BatchOptions.defaults()).close())
                .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("十二");
    }

    private static void fact(StringBuilder sb, String uscc, String indicator, String period, String value) {
        sb.append(uscc).append(',').append(indicator).append(',').append(period).append(',').append(value).append(",统计局\n");
    }

    private static Map<String, String> types(BatchRunner b) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement s = b.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'wide'")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private static List<String> values(BatchRunner b, String column) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = b.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT CAST(" + column + " AS VARCHAR) FROM wide ORDER BY uscc")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
