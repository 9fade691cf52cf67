package huiqi.web.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.fulfilment.Match;
import huiqi.web.enterprise.PgEnterpriseStore;
import huiqi.web.rules.RuleBook;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rematch on the batch engine (DuckDB over the PostgreSQL export) finds exactly the matches the interpreter
 * finds enterprise by enterprise ({@link InterpreterMatches}, the path rematch took before), over the demo population (400 generated enterprises with the rule-boundary
 * scenarios, plus whatever other tests imported): same rule, enterprise, payer, amount to the fen, and the
 * same period, title, delivery, unit and class. The interpreter's explanation is the one each case keeps.
 */
@PlatformTest
class RematchEquivalenceTest {
    @Autowired PgEnterpriseStore store;
    @Autowired RuleBook book;
    @Autowired MatchSource batch;

    @Test
    void theBatchEngineAndTheInterpreterMatchTheSameEnterprisesForTheSameAmounts() {
        MatchSource.Run expected = new InterpreterMatches(store, book).run();
        MatchSource.Run actual = batch.run();

        assertThat(expected.matches()).hasSizeGreaterThan(100); // the demo population qualifies for many benefits
        assertThat(expected.matches().stream().map(Match::ruleId).distinct().count()).isGreaterThan(10);
        assertThat(lines(actual.matches())).containsExactlyInAnyOrderElementsOf(lines(expected.matches()));
        assertThat(actual.rules()).isEqualTo(expected.rules());
        assertThat(actual.classes()).isEqualTo(expected.classes());
        for (Match m : expected.matches().subList(0, 50)) {
            Match same = actual.matches().stream().filter(a -> a.key().equals(m.key())).findFirst().orElseThrow();
            assertThat(actual.explain().apply(same)).isEqualTo(m.explanation()).isNotBlank();
        }
    }

    @Test
    void aRunOverSomeEnterprisesIsTheFullRunRestrictedToThem() {
        List<Match> all = batch.run().matches();
        Set<String> some = all.stream().map(Match::uscc).distinct().limit(7).collect(Collectors.toSet());
        assertThat(lines(batch.run(some).matches()))
                .containsExactlyInAnyOrderElementsOf(lines(all.stream().filter(m -> some.contains(m.uscc())).toList()))
                .isNotEmpty();
        assertThat(batch.run(Set.of("91350100000000000X")).matches()).isEmpty();
    }

    /** Everything of a match but its explanation, amounts to the fen. */
    static List<String> lines(List<Match> matches) {
        return matches.stream().map(m -> String.join("|", m.ruleId(), m.uscc(), m.enterpriseName(), m.payer(), m.unit(),
                m.period(), m.amount().setScale(2).toPlainString(), String.valueOf(m.delivery()), String.valueOf(m.ruleClass()),
                m.title())).toList();
    }
}
