package huiqi.rules;

import java.util.Optional;

/** Outcome of one rule for one enterprise (three-valued). */
public enum Status {
    ELIGIBLE("eligible", "符合"), INELIGIBLE("ineligible", "不符合"), UNDETERMINABLE("undeterminable", "无法判断");

    private final String json;
    private final String chinese;

    Status(String json, String chinese) {
        this.json = json;
        this.chinese = chinese;
    }

    public String json() {
        return json;
    }

    public String chinese() {
        return chinese;
    }

    public static Optional<Status> parse(String s) {
        for (Status st : values()) {
            if (st.json.equals(s) || st.chinese.equals(s)) {
                return Optional.of(st);
            }
        }
        return Optional.empty();
    }
}
