package huiqi.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchReconcilerTest {
    static final String RULE = "fz-2024-2/7";
    static final String USCC = "91350100MA2Y0001X1";
    static final CaseKey KEY = new CaseKey(RULE, USCC, "2024-02", "市级·市财政局");

    static Match match(String amount) {
        return new Match(RULE, "用电奖励", USCC, "甲公司", "市级·市财政局", "市财政局", "2024-02", new BigDecimal(amount),
                "免申即享", null, "");
    }

    static ExistingCase existing(long id, int seq, CaseState s, String amount) {
        return new ExistingCase(id, KEY, seq, s, new BigDecimal(amount));
    }

    @Test
    void aNewMatchBecomesACase() {
        MatchPlan p = MatchReconciler.plan(List.of(match("10000.00")), List.of());
        assertThat(p.create()).singleElement().satisfies(c -> {
            assertThat(c.seq()).isZero();
            assertThat(c.kind()).isEqualTo(CaseKind.PAYMENT);
            assertThat(c.amount()).isEqualByComparingTo("10000");
        });
    }

    @Test
    void rerunningWithTheSameDataChangesNothing() {
        MatchPlan open = MatchReconciler.plan(List.of(match("10000.00")), List.of(existing(1, 0, CaseState.PUSHED, "10000")));
        MatchPlan paid = MatchReconciler.plan(List.of(match("10000.00")), List.of(existing(1, 0, CaseState.PAID, "10000")));
        assertThat(open.isEmpty()).isTrue();
        assertThat(paid.isEmpty()).isTrue();
        assertThat(paid.unchanged()).isEqualTo(1);
    }

    @Test
    void moreMoneyAfterPaymentIsATopUpCase() {
        MatchPlan p = MatchReconciler.plan(List.of(match("12000.00")), List.of(existing(1, 0, CaseState.PAID, "10000")));
        assertThat(p.withdraw()).isEmpty();
        assertThat(p.create()).singleElement().satisfies(c -> {
            assertThat(c.seq()).isEqualTo(1);
            assertThat(c.kind()).isEqualTo(CaseKind.TOP_UP);
            assertThat(c.amount()).isEqualByComparingTo("2000");
        });
    }

    @Test
    void lessMoneyAfterPaymentIsARecoveryCase() {
        MatchPlan p = MatchReconciler.plan(List.of(match("9000.00")), List.of(existing(1, 0, CaseState.PAID, "10000")));
        assertThat(p.create()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(CaseKind.CORRECTION);
            assertThat(c.amount()).isEqualByComparingTo("-1000");
        });
    }

    @Test
    void anOpenCaseWithAStaleAmountIsWithdrawnAndReplaced() {
        MatchPlan p = MatchReconciler.plan(List.of(match("12000.00")), List.of(existing(7, 0, CaseState.UNIT_REVIEW, "10000")));
        assertThat(p.withdraw()).singleElement().extracting(MatchPlan.Withdrawal::caseId).isEqualTo(7L);
        assertThat(p.create()).singleElement().satisfies(c -> {
            assertThat(c.seq()).isEqualTo(1);
            assertThat(c.amount()).isEqualByComparingTo("12000");
        });
    }

    @Test
    void aBenefitNoLongerMatchedWithdrawsOpenCasesButNeverTouchesPaidOnes() {
        MatchPlan p = MatchReconciler.plan(List.of(), List.of(existing(1, 0, CaseState.PAID, "10000"),
                existing(2, 1, CaseState.PENDING_PUSH, "500")));
        assertThat(p.withdraw()).extracting(MatchPlan.Withdrawal::caseId).containsExactly(2L);
        assertThat(p.create()).isEmpty();
    }

    @Test
    void aRejectedBenefitIsNotRaisedAgainUnlessTheAmountChanges() {
        List<ExistingCase> rejected = List.of(existing(1, 0, CaseState.REJECTED, "10000"));
        assertThat(MatchReconciler.plan(List.of(match("10000")), rejected).isEmpty()).isTrue();
        assertThat(MatchReconciler.plan(List.of(match("11000")), rejected).create()).singleElement()
                .satisfies(c -> assertThat(c.seq()).isEqualTo(1));
    }

    @Test
    void duplicateMatchesAreAnError() {
        assertThatThrownBy(() -> MatchReconciler.plan(List.of(match("1"), match("2")), List.of()))
                .hasMessageContaining("两条匹配");
    }

    /**
     * Whatever sequence of amounts the rules engine produces over re-runs, paying every planned case after
     * each run leaves exactly the latest amount paid in total.
     */
    @Test
    void afterEveryRunAndPaymentThePaidTotalEqualsTheLatestMatch() {
        qt().withExamples(300).forAll(lists().of(integers().between(0, 50000)).ofSizeBetween(0, 255))
                .checkAssert(MatchReconcilerTest::paidTotalEqualsTheLatestMatch);
    }

    private static void paidTotalEqualsTheLatestMatch(List<Integer> runs) {
        List<ExistingCase> cases = new ArrayList<>();
        long id = 0;
        for (int amount : runs) {
            List<Match> matches = amount == 0 ? List.of() : List.of(match(amount + ".00"));
            MatchPlan p = MatchReconciler.plan(matches, cases);
            for (MatchPlan.Withdrawal w : p.withdraw()) {
                cases.replaceAll(c -> c.id() == w.caseId() ? new ExistingCase(c.id(), c.key(), c.seq(), CaseState.WITHDRAWN, c.amount()) : c);
            }
            for (MatchPlan.NewCase n : p.create()) {
                cases.add(new ExistingCase(++id, KEY, n.seq(), CaseState.PAID, n.amount()));
            }
            BigDecimal paid = cases.stream().filter(c -> c.state() == CaseState.PAID).map(ExistingCase::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (amount != 0) {
                assertThat(paid).isEqualByComparingTo(BigDecimal.valueOf(amount));
            }
            assertThat(cases.stream().map(ExistingCase::seq).distinct().count()).isEqualTo(cases.size());
        }
    }
}
