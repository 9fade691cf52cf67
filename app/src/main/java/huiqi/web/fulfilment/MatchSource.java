package huiqi.web.fulfilment;

import huiqi.fulfilment.Match;
import java.util.List;
import java.util.Set;

/** Where 免申即享/申请 matches come from: the rules engine evaluated over the enterprises in the database. */
public interface MatchSource {

    /** The matches of one full run and the rules it evaluated (benefits of those rules not matched are gone). */
    Run run();

    record Run(List<Match> matches, Set<String> rules, String note) {
    }
}
