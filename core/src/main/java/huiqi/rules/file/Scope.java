package huiqi.rules.file;

import huiqi.facts.Period;
import huiqi.rules.lang.Names;
import huiqi.rules.lang.Type;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names visible inside one rule (or a shared cap): its lets, its parameters and periods over the file's, and
 * the sibling rules. A name whose definition failed (reported there) raises {@link Problems.Dependent} instead
 * of a second, misleading "未知名字".
 */
final class Scope implements Names {
    final Map<String, Type> lets = new LinkedHashMap<>();
    final Map<String, Parameter> params;
    final Map<String, Period> periods;
    final Set<String> broken = new HashSet<>();
    private final FileContext ctx;
    private final RuleIndex rules;

    Scope(FileContext ctx, RuleIndex rules, Map<String, Parameter> params, Map<String, Period> periods) {
        this.ctx = ctx;
        this.rules = rules;
        this.params = params;
        this.periods = periods;
    }

    private void failIfBroken(String name) {
        if (broken.contains(name) || ctx.brokenNames.contains(name)) {
            throw new Problems.Dependent();
        }
    }

    @Override
    public Optional<Type> let(String name) {
        failIfBroken(name);
        return Optional.ofNullable(lets.get(name));
    }

    @Override
    public Optional<Param> parameter(String name) {
        failIfBroken(name);
        Parameter p = params.containsKey(name) ? params.get(name) : ctx.parameters.get(name);
        return p == null ? Optional.empty() : Optional.of(new Param(p.qualifiedName(), p.type(),
                p.table() == null ? null : p.table().keyType()));
    }

    @Override
    public Optional<Period> period(String name) {
        failIfBroken(name);
        return Optional.ofNullable(periods.get(name));
    }

    @Override
    public boolean ruleExists(String ruleId) {
        return rules.exists(ruleId);
    }

    @Override
    public Optional<Type> ruleAmount(String ruleId) {
        return rules.amountType(ruleId);
    }
}
