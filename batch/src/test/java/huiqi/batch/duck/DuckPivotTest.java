package huiqi.batch.duck;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.batch.sql.FactColumn;
import huiqi.batch.sql.FactColumns;
import huiqi.batch.sql.WideTable;
import huiqi.facts.Period;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast DuckDB pivot builds exactly the table of the standard FILTER pivot (WideTable.pivot). */
class DuckPivotTest {

    @Test
    void sameTableAsTheStandardPivotAcrossMaskWordsWithDuplicatesAndChineseNames() throws Exception {
        // 70 columns: two mask words; 24 months of two indicators (one written by its Chinese name in places)
        FactColumns facts = new FactColumns();
        List<FactColumn> cols = new ArrayList<>();
        for (String ind : List.of("electricity_kwh", "industrial_output", "gas_m3")) {
            for (int m = 0; m < 24 && cols.size() < 70; m++) {
                FactColumn c = new FactColumn(ind, new Period.Month(YearMonth.of(2023, 1).plusMonths(m)));
                cols.add(c);
                facts.setScale(c, 0);
            }
        }
        Random rnd = new Random(7);
        List<String> rows = new ArrayList<>();
        List<String> profiles = new ArrayList<>();
        for (int e = 0; e < 300; e++) {
            String uscc = "U" + e;
            profiles.add("('" + uscc + "')");
            for (FactColumn c : cols) {
                if (rnd.nextInt(3) == 0) {
                    continue; // missing
                }
                String name = c.indicator().equals("electricity_kwh") && rnd.nextBoolean() ? "用电量" : c.indicator();
                String v = rnd.nextInt(10) == 0 ? "NULL" : "'" + rnd.nextInt(100000) + (rnd.nextBoolean() ? ".5" : "") + "'";
                rows.add("('" + uscc + "', '" + name + "', '" + c.periodText() + "', " + v + ")");
                if (rnd.nextInt(50) == 0) { // a repeated fact: both pivots keep the max
                    rows.add("('" + uscc + "', '" + c.indicator() + "', '" + c.periodText() + "', '" + rnd.nextInt(100000) + "')");
                }
            }
        }
        rows.add("('U0', 'electricity_kwh', '2020-01', '5')"); // not needed
        rows.add("('ghost', 'electricity_kwh', '2023-01', '5')"); // no profile
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE profiles_src AS SELECT * FROM (VALUES " + String.join(", ", profiles) + ") AS t(uscc)");
            s.execute("CREATE TABLE facts_src AS SELECT * FROM (VALUES " + String.join(", ", rows)
                    + ") AS t(uscc, indicator, period, value)");
            s.execute("CREATE TABLE standard_pivot AS " + WideTable.pivot(facts, TestPopulation.CATALOG));
            DuckPivot.create(c, facts, TestPopulation.CATALOG);
            String q = "SELECT count(*) FROM (SELECT * FROM standard_pivot WHERE uscc IN (SELECT uscc FROM profiles_src) "
                    + "EXCEPT ALL SELECT * FROM fact_pivot) AS d";
            try (ResultSet rs = s.executeQuery(q)) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            try (ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM fact_pivot), "
                    + "(SELECT count(*) FROM standard_pivot WHERE uscc IN (SELECT uscc FROM profiles_src))")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(rs.getLong(2)).isGreaterThan(250);
            }
        }
    }
}
