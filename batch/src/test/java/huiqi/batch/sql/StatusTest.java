package huiqi.batch.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Status codes: every (condition, amount) combination gets the interpreter's status, eligible() reads a code back
 * as the 3-valued condition, and the words results carry out are the same as before the codes.
 */
class StatusTest {
    private static final String CASES = "(VALUES (TRUE, 1.00), (TRUE, NULL), (FALSE, 1.00), (FALSE, NULL), (NULL, 1.00), (NULL, NULL))"
            + " AS v(c, r)";

    @Test
    void computableRuleNeedsTheAmountToBeEligible() throws Exception {
        assertThat(column("SELECT " + Status.text(Status.of("c", "r")) + " FROM " + CASES))
                .isEqualTo("eligible,undeterminable,ineligible,ineligible,undeterminable,undeterminable");
    }

    @Test
    void eligibilityOnlyRuleIsTheConditionItself() throws Exception {
        assertThat(column("SELECT " + Status.of("c", null) + " FROM " + CASES)).isEqualTo("1,1,0,0,2,2");
    }

    @Test
    void eligibleReadsBackAsThreeValuedCondition() throws Exception {
        assertThat(column("SELECT " + Status.asCondition("st") + " FROM (VALUES (CAST(" + Status.ELIGIBLE + " AS TINYINT)), (CAST("
                + Status.INELIGIBLE + " AS TINYINT)), (CAST(" + Status.UNDETERMINABLE + " AS TINYINT))) AS v(st)"))
                .isEqualTo("true,false,null");
        assertThat(Status.word(Status.ELIGIBLE) + Status.word(Status.INELIGIBLE) + Status.word(Status.UNDETERMINABLE))
                .isEqualTo("eligibleineligibleundeterminable");
    }

    private static String column(String sql) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                sb.append(sb.length() == 0 ? "" : ",").append(rs.getString(1));
            }
        }
        return sb.toString();
    }
}
