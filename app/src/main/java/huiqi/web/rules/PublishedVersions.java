package huiqi.web.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where the rule book's rule sets come from when they are kept in the database: every published version. */
public interface PublishedVersions {

    /** One version that was published (it may have been superseded since): its text and the date it applies from. */
    record Published(String policyId, int version, LocalDate effectiveFrom, String yaml) {
    }

    /** Every version ever published, of every policy. */
    List<Published> all();

    /** The policy's text the rule quotes are checked against (its source.txt, or the uploaded document's text). */
    Optional<String> sourceText(String policyId);
}
