package huiqi.rules.lang;

import huiqi.facts.Period;
import java.util.Optional;

/** What the checker can see besides the indicator catalog: the rule's own names and its siblings. */
public interface Names {
    /**
     * A parameter as resolved: full name (for what-if overrides), type of its value and, for a table looked up by a
     * key ({@code p[key]}), the key's type (else null).
     */
    record Param(String qualifiedName, Type type, Type keyType) {
        public Param(String qualifiedName, Type type) {
            this(qualifiedName, type, null);
        }
    }

    Optional<Type> let(String name);

    Optional<Param> parameter(String name);

    Optional<Period> period(String name);

    /** True if a rule with this id exists in the same file. */
    boolean ruleExists(String ruleId);

    /** The type of the rule's final amount; empty if it has none (eligibility-only). */
    Optional<Type> ruleAmount(String ruleId);
}
