package huiqi.web.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.fulfilment.Actor;
import huiqi.fulfilment.Match;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rematch on the batch engine carries no explanations; MatchSync asks for one exactly when a match becomes a
 * new case, or a new or changed offer, and stores what it was given.
 */
@PlatformTest
class MatchExplanationsTest {
    @Autowired MatchSync sync;
    @Autowired CaseRepository cases;

    /** Explains by rule and amount, and remembers whom it was asked about. */
    static final class Recorder implements Function<Match, String> {
        final List<String> asked = new ArrayList<>();

        @Override
        public String apply(Match m) {
            asked.add(m.uscc());
            return "依据：" + m.ruleId() + " " + m.amount().toPlainString();
        }
    }

    @Test
    void onlyNewCasesAndNewOrChangedOffersAreExplained() {
        String rule = FulfilmentFixtures.unique("explain") + "/1";
        String offerRule = FulfilmentFixtures.unique("explain-offer") + "/1";
        String a = FulfilmentFixtures.uscc("EXPLAINA", 1);
        String b = FulfilmentFixtures.uscc("EXPLAINB", 2);
        Match caseA = withoutExplanation(FulfilmentFixtures.match(rule, a, "市级·市财政局", "市财政局", "1000.00"));
        Match caseB = withoutExplanation(FulfilmentFixtures.match(rule, b, "市级·市财政局", "市财政局", "2000.00"));
        Match offer = new Match(offerRule, "申请类", a, "测试企业", "市级·市工信局", "市工信局", "2024", new BigDecimal("300.00"),
                "申请", null, null);
        MatchSync.Scope scope = new MatchSync.Scope(Set.of(rule, offerRule), null, null);

        Recorder first = new Recorder();
        MatchSync.Result r = sync.sync(List.of(caseA, caseB, offer), scope, Actor.system(), first, Map.of());
        assertThat(r.created()).isEqualTo(2);
        assertThat(r.offers()).isEqualTo(1);
        assertThat(first.asked).containsExactlyInAnyOrder(a, b, a);
        assertThat(cases.find(CaseRepository.Filter.ofEnterprise(b)).get(0).explanation()).isEqualTo("依据：" + rule + " 2000.00");

        Recorder unchanged = new Recorder();
        r = sync.sync(List.of(caseA, caseB, offer), scope, Actor.system(), unchanged, Map.of());
        assertThat(r.created()).isZero();
        assertThat(r.offers()).isZero();
        assertThat(unchanged.asked).isEmpty();

        Recorder changed = new Recorder();
        Match more = withoutExplanation(FulfilmentFixtures.match(rule, b, "市级·市财政局", "市财政局", "2500.00"));
        Match offerMore = new Match(offerRule, "申请类", a, "测试企业", "市级·市工信局", "市工信局", "2024", new BigDecimal("400.00"),
                "申请", null, null);
        r = sync.sync(List.of(caseA, more, offerMore), scope, Actor.system(), changed, Map.of());
        assertThat(r.offers()).isEqualTo(1);
        assertThat(r.created() + r.topUps()).isEqualTo(1);
        assertThat(changed.asked).containsExactlyInAnyOrder(b, a);
    }

    static Match withoutExplanation(Match m) {
        return new Match(m.ruleId(), m.title(), m.uscc(), m.enterpriseName(), m.payer(), m.unit(), m.period(), m.amount(),
                m.delivery(), m.ruleClass(), null);
    }
}
