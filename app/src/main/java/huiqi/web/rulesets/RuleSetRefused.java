package huiqi.web.rulesets;

import java.util.List;

/**
 * An action on a rule-set version that is not allowed as asked (four eyes, wrong state, failed checks): the
 * Chinese reasons, each naming where when it is about the text (line:column).
 */
public class RuleSetRefused extends RuntimeException {
    private final List<String> reasons;

    public RuleSetRefused(List<String> reasons) {
        super(String.join("；", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public RuleSetRefused(String reason) {
        this(List.of(reason));
    }

    public List<String> reasons() {
        return reasons;
    }
}
