package huiqi.quantity;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.FuzzTest;
import huiqi.fuzzing.Fuzzing;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Fuzz target of the number parser (issue #15). Documented behaviour: {@link ChineseNumbers#parseQuantity} answers
 * a quantity or empty and never throws; {@link ChineseNumbers#parseNumber} answers a number or throws
 * {@link NumberFormatException}, and agrees with parseQuantity.
 */
class ChineseNumbersFuzzTest {
    @FuzzTest(maxExecutions = Fuzzing.INPUTS, maxDuration = Fuzzing.MAX_DURATION)
    void numbers(byte[] input) throws Exception {
        String text = new String(input, UTF_8);
        Fuzzing.withinTime("ChineseNumbers", () -> {
            Optional<Quantity> q = ChineseNumbers.parseQuantity(text);
            BigDecimal n = null;
            try {
                n = ChineseNumbers.parseNumber(text);
            } catch (NumberFormatException e) {
                Fuzzing.requireMessage(e);
            }
            boolean bare = q.isPresent() && q.get().unit().isEmpty();
            if (bare != (n != null) || bare && n.compareTo(q.get().value()) != 0) {
                throw new AssertionError("parseNumber and parseQuantity disagree on '" + text + "': " + n + " vs " + q);
            }
        });
    }
}
