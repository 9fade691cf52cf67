package huiqi.web.matching;

import huiqi.enterprise.EnterpriseRecord;

/** Evaluates every encoded rule for one enterprise (its stored profile and facts). */
public interface BenefitMatching {
    MatchReport match(String uscc);

    /** The same for a record already loaded (the 一企一策 page shows its profile too: one load per view). */
    MatchReport match(EnterpriseRecord record);
}
