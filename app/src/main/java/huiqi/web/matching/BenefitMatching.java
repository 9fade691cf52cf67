package huiqi.web.matching;

/** Evaluates every encoded rule for one enterprise (its stored profile and facts). */
public interface BenefitMatching {
    MatchReport match(String uscc);
}
