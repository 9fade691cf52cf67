package huiqi.enterprise;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.FuzzTest;
import huiqi.facts.IndicatorCatalog;
import huiqi.fuzzing.Fuzzing;

/**
 * Fuzz target of the enterprise JSON of {@code ./huiqi eval} (issue #15), checked against the real indicators.yaml.
 * Documented behaviour: a record or an {@link EnterpriseDataException} naming the place.
 */
class EnterpriseJsonFuzzTest {
    private static final IndicatorCatalog CATALOG = ImportFixtures.CATALOG;

    @FuzzTest(maxExecutions = Fuzzing.INPUTS, maxDuration = Fuzzing.MAX_DURATION)
    void enterpriseJson(byte[] input) throws Exception {
        String json = new String(input, UTF_8);
        Fuzzing.withinTime("EnterpriseJson.parse", () -> {
            try {
                EnterpriseJson.parse(json, "e.json", CATALOG);
            } catch (EnterpriseDataException e) {
                Fuzzing.requireMessage(e);
            }
        });
    }
}
