package huiqi.web.fulfilment;

import huiqi.fulfilment.Actor;
import huiqi.fulfilment.Match;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * A 房租减免 case (hs-2023-5/5-1, 申请, borne by each lease's 出租方) as the platform makes it: the rules engine matches
 * the enterprise (an offer with its parts), the enterprise applies. An earlier test's case of the same enterprise is reused.
 */
final class ReliefCases {
    static final String RELIEF = "hs-2023-5/5-1";

    private ReliefCases() {
    }

    static CaseRecord of(String uscc, MatchSource source, MatchSync sync, Applications applications, CaseRepository cases) {
        MatchSource.Run run = source.run(Set.of(uscc));
        sync.sync(run.matches(), new MatchSync.Scope(run.rules(), Set.of(uscc), null), Actor.system(), run.explain(), run.parts(),
                run.versions());
        List<CaseRecord> existing = cases.find(new CaseRepository.Filter(uscc, null, List.of(), RELIEF, null, 10));
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        Match m = run.matches().stream().filter(x -> x.ruleId().equals(RELIEF)).findFirst().orElseThrow();
        return applications.apply(Actor.enterprise(uscc, uscc), RELIEF, uscc, m.period(), "6222020012345678",
                List.of(new Applications.Attachment("租赁合同.pdf", "application/pdf", "%PDF-1.4 合同".getBytes(StandardCharsets.UTF_8))));
    }
}
