package huiqi.web.rulesets;

import static huiqi.web.rulesets.RuleSetFixtures.FZ;
import static huiqi.web.rulesets.RuleSetFixtures.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.web.rules.RuleBook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** #16 item 4: the impact is kept with the version it was computed for; a restarted platform shows it without computing again. */
@PlatformTest
class ImpactKeptWithVersionTest {
    @Autowired
    RuleSetService service;
    @Autowired
    RuleSetStore store;
    @Autowired
    SubmissionCheck check;
    @Autowired
    RuleBook book;
    @Autowired
    RuleSetImpact impacts;
    @Autowired
    huiqi.web.fulfilment.AuditLog audit;
    @Autowired
    ImpactStore stored;
    @Autowired
    RuleSetReview review;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void restoreShippedRules() {
        RuleSetFixtures.restoreShipped(service);
    }

    @Test
    void theImpactIsStoredWithItsVersionAndReadBackAfterARestart() {
        int n = service.saveDraft(FZ, RuleSetFixtures.threeFen(), 0, OFFICER);
        int published = service.publishedNow(FZ).orElseThrow().version();
        RuleSetVersion v = service.find(FZ, n).orElseThrow();

        RuleSetReview.ImpactOutcome first = review.impact(v);
        assertThat(first.error()).isNull();
        assertThat(first.computedAt()).isNotNull();
        assertThat(jdbc.sql("select count(*) from rule_set_impact where policy_id = ? and version = ? and base_version = ?")
                .params(FZ, n, published).query(Long.class).single()).isEqualTo(1);

        // a fresh review service (as after a restart: nothing in memory) reads it back, not computing it again
        jdbc.sql("update rule_set_impact set impact = jsonb_set(impact, '{enterprises}', '12345') where policy_id = ? and version = ?")
                .params(FZ, n).update();
        RuleSetReview.ImpactOutcome again = new RuleSetReview(service, store, check, book, impacts, audit, stored).impact(v);
        assertThat(again.impact().enterprises()).as("read from the table").isEqualTo(12345);
        assertThat(again.impact().rules()).isEqualTo(first.impact().rules());
        assertThat(again.impact().byPayer()).isEqualTo(first.impact().byPayer());
        assertThat(again.computedAt()).isEqualTo(first.computedAt());
    }
}
