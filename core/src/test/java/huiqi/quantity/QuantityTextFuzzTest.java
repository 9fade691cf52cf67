package huiqi.quantity;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.FuzzTest;
import huiqi.fuzzing.Fuzzing;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * Fuzz target of the bounded reader of typed numbers (issue #15). Documented behaviour: {@link QuantityText} answers a
 * value within the {@link Expectation}'s digits and sign, or throws {@link QuantityTextException}.
 */
class QuantityTextFuzzTest {
    private static final List<Expectation> EXPECTATIONS = List.of(Expectation.quantity("数量"), Expectation.money("金额"),
            new Expectation("差额", 6, 3, true));

    @FuzzTest(maxExecutions = Fuzzing.INPUTS, maxDuration = Fuzzing.MAX_DURATION)
    void quantityText(byte[] input) throws Exception {
        String text = new String(input, UTF_8);
        Fuzzing.withinTime("QuantityText", () -> {
            for (Expectation e : EXPECTATIONS) {
                bounded(e, x -> QuantityText.parse(x, e).value(), text);
                bounded(e, x -> QuantityText.number(x, e), text);
                bounded(e, x -> QuantityText.measured(x, e).value(), text);
                bounded(e, x -> QuantityText.yuan(x, e), text);
            }
        });
    }

    private static void bounded(Expectation e, Function<String, BigDecimal> reader, String text) {
        BigDecimal v;
        try {
            v = reader.apply(text);
        } catch (QuantityTextException x) {
            Fuzzing.requireMessage(x);
            return;
        }
        if (v.signum() < 0 && !e.negativeAllowed() || v.precision() - v.scale() > e.maxIntegerDigits()
                || v.scale() > e.maxFractionDigits()) {
            throw new AssertionError("'" + text + "' read as " + v.toPlainString() + " outside " + e);
        }
    }
}
