package huiqi.batch.duck;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.rules.eval.Overrides;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interpreter (per enterprise, BigDecimal) and the SQL path (DuckDB) over the same generated population
 * must agree on every rule's status and amount to the fen, and on each payer's part.
 */
class DifferentialTest {
    static final int ENTERPRISES = Integer.getInteger("huiqi.diff.enterprises", 50_000);

    @TempDir
    Path dir;

    @Test
    void interpreterAndSqlAgreeForEveryEnterpriseAndRule() throws Exception {
        compare(null, Overrides.NONE, 20240601L);
    }

    @Test
    void agreeOnAnAsOfDateWithAnOverlay() throws Exception {
        var rate = new Overrides.Override(new BigDecimal("0.03"), TestPopulation.RULES.stream()
                .flatMap(f -> f.rules().stream()) // by id: cx-2023-1 now sorts before fz-2024-2
                .filter(r -> r.id().equals("fz-2024-2/7")).findFirst().orElseThrow()
                .parameters().get("rate").unit());
        compare(LocalDate.of(2024, 2, 15), new Overrides(Map.of("fz-2024-2/7.rate", rate)), 7L);
    }

    private void compare(LocalDate asOf, Overrides overrides, long seed) throws Exception {
        int n = asOf == null ? ENTERPRISES : ENTERPRISES / 10;
        Differential.Outcome o = Differential.compare(dir, TestPopulation.RULES, TestPopulation.generator(seed), n, asOf, overrides);
        assertThat(o.eligible().size()).as("有符合企业的规则数").isGreaterThanOrEqualTo(o.rules() / 2);
    }
}
