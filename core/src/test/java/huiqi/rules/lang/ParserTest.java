package huiqi.rules.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.facts.Period;
import huiqi.quantity.Units;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ParserTest {
    @Test
    void chineseQuantityLiteralsAreExactAndInBaseUnits() {
        Expr.Num n = (Expr.Num) Parser.parse("50万千瓦时");
        assertThat(n.value()).isEqualByComparingTo("500000");
        assertThat(n.unit()).isEqualTo(Units.KWH);
        Expr.Num rate = (Expr.Num) Parser.parse("0.02元/千瓦时");
        assertThat(rate.value()).isEqualByComparingTo("0.02");
        assertThat(rate.unit()).isEqualTo(Units.YUAN.per(Units.KWH));
        assertThat(((Expr.Num) Parser.parse("1.5万")).value()).isEqualByComparingTo("15000");
        assertThat(((Expr.Num) Parser.parse("3亿元")).value()).isEqualByComparingTo("300000000");
        assertThat(((Expr.Num) Parser.parse("5%")).value()).isEqualByComparingTo("0.05");
        assertThat(((Expr.Num) Parser.parse("１０００元／人")).unit().toString()).isEqualTo("元/人");
    }

    @Test
    void precedenceFollowsFeel() {
        Expr e = Parser.parse("a or b and not c");
        assertThat(e).isInstanceOf(Expr.Binary.class);
        Expr.Binary or = (Expr.Binary) e;
        assertThat(or.op()).isEqualTo(Expr.BinaryOp.OR);
        assertThat(((Expr.Binary) or.right()).op()).isEqualTo(Expr.BinaryOp.AND);
        Expr.Binary sum = (Expr.Binary) Parser.parse("1 + 2 * 3");
        assertThat(sum.op()).isEqualTo(Expr.BinaryOp.ADD);
        assertThat(((Expr.Binary) sum.right()).op()).isEqualTo(Expr.BinaryOp.MUL);
    }

    @Test
    void periodsAndDates() {
        Expr.Index ix = (Expr.Index) Parser.parse("electricity_kwh[2024-01..2024-02]");
        assertThat(((Expr.PeriodLit) ix.index()).value()).isEqualTo(new Period.Range(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 29)));
        assertThat(((Expr.PeriodLit) ((Expr.Index) Parser.parse("x[2024-Q1]")).index()).value()).isEqualTo(new Period.Quarter(2024, 1));
        assertThat(((Expr.Binary) Parser.parse("d >= 2023-04-01")).right()).isEqualTo(new Expr.DateLit(LocalDate.of(2023, 4, 1), new Span(5, 15)));
    }

    @Test
    void spansPointIntoTheText() {
        Expr.Binary b = (Expr.Binary) Parser.parse("feb_kwh >= 50万千瓦时");
        assertThat(b.right().span()).isEqualTo(new Span(11, 17));
        assertThat(b.span()).isEqualTo(new Span(0, 17));
    }

    @Test
    void forEachAndCalls() {
        Expr.ForEach f = (Expr.ForEach) Parser.parse("sum(for m in 2023-01..2023-12 return s[m])");
        assertThat(f.variable()).isEqualTo("m");
        assertThat(f.range().months()).hasSize(12);
        Expr.Call c = (Expr.Call) Parser.parse("min(a, 30万元)");
        assertThat(c.args()).hasSize(2);
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> Parser.parse("if a then b")).isInstanceOf(ExprException.class).hasMessageContaining("else");
        assertThatThrownBy(() -> Parser.parse("a < b < c")).hasMessageContaining("比较不能连写");
        assertThatThrownBy(() -> Parser.parse("a b")).hasMessageContaining("多余的内容 'b'");
        assertThatThrownBy(() -> Parser.parse("x[2024-13]")).hasMessageContaining("2024-13");
        assertThatThrownBy(() -> Parser.parse("\"abc")).hasMessageContaining("双引号");
        assertThatThrownBy(() -> Parser.parse("")).hasMessageContaining("为空");
        ExprException e = org.junit.jupiter.api.Assertions.assertThrows(ExprException.class, () -> Parser.parse("a + 5斤"));
        assertThat(e.span().start()).isEqualTo(4);
        assertThat(new BigDecimal("1")).isNotNull();
    }
}
