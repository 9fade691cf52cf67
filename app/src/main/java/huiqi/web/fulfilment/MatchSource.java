package huiqi.web.fulfilment;

import huiqi.fulfilment.Match;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where 免申即享/申请 matches come from: the rules engine evaluated over the enterprises in the database. */
public interface MatchSource {

    /** The matches of one full run and the rules it evaluated (benefits of those rules not matched are gone). */
    Run run();

    /** The same over these enterprises only (unknown ones yield nothing); {@code rules} is still every rule evaluated. */
    Run run(Collection<String> usccs);

    /**
     * classes: rule id → class of the rules paid under 取高不重复 (enforced again at payment time); versions: policy
     * id → the rule-set version the matches came from (recorded on the cases they create).
     */
    record Run(List<Match> matches, Set<String> rules, Map<String, String> classes, String note,
               Map<String, Integer> versions) {
        public Run(List<Match> matches, Set<String> rules, Map<String, String> classes, String note) {
            this(matches, rules, classes, note, Map.of());
        }
    }
}
