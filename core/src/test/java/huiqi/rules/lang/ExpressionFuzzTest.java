package huiqi.rules.lang;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.FuzzTest;
import huiqi.fuzzing.Fuzzing;

/**
 * Fuzz target of the rule language's expressions and their number literals ("50万千瓦时", "0.02元/千瓦时", "5%";
 * issue #15). Documented behaviour: {@link Parser#parse} answers a syntax tree or throws {@link ExprException}
 * whose span lies inside the text.
 */
class ExpressionFuzzTest {
    @FuzzTest(maxExecutions = Fuzzing.INPUTS, maxDuration = Fuzzing.MAX_DURATION)
    void expressions(byte[] input) throws Exception {
        String text = new String(input, UTF_8);
        Fuzzing.withinTime("Parser.parse", () -> {
            try {
                Parser.parse(text);
            } catch (ExprException e) {
                Fuzzing.requireMessage(e);
                int length = text.length(); // the lexer's half-width copy has the same length
                if (e.span() == null || e.span().start() < 0 || e.span().start() > e.span().end() || e.span().end() > length) {
                    throw new AssertionError("span " + e.span() + " outside the text (length " + length + ")", e);
                }
            }
        });
    }
}
