package huiqi.rules.lang;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Inputs the expression fuzz target (ExpressionFuzzTest) found escaping as something else than ExprException. */
class ExpressionFuzzFindingsTest {
    @Test
    void aDigitOfAnotherScriptIsAnUnknownCharacterNotACrash() {
        // was IllegalStateException "No match available": Character.isDigit said number, the \d pattern did not match
        assertThatThrownBy(() -> Parser.parse("*0万\u07C5 else"))
                .isInstanceOf(ExprException.class).hasMessageContaining("无法识别的字符");
        assertThatThrownBy(() -> Parser.parse("x > \u0663"))
                .isInstanceOf(ExprException.class).hasMessageContaining("无法识别的字符 '\u0663'");
    }
}
