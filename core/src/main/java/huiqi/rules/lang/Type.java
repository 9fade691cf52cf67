package huiqi.rules.lang;

import huiqi.quantity.Unit;

/** Static types of rule expressions. Numbers carry their unit; money is a number in 元 or 美元. */
public sealed interface Type {
    record Bool() implements Type {
        @Override public String toString() { return "布尔"; }
    }

    record Num(Unit unit) implements Type {
        @Override public String toString() { return "数值（" + unit.describe() + "）"; }
    }

    record Text() implements Type {
        @Override public String toString() { return "文本"; }
    }

    record Date() implements Type {
        @Override public String toString() { return "日期"; }
    }

    record PeriodT() implements Type {
        @Override public String toString() { return "期间"; }
    }

    record ListOf(Type element) implements Type {
        @Override public String toString() { return "列表（" + element + "）"; }
    }

    Type BOOL = new Bool();
    Type TEXT = new Text();
    Type DATE = new Date();
    Type PERIOD = new PeriodT();

    static Type num(Unit u) {
        return new Num(u);
    }
}
