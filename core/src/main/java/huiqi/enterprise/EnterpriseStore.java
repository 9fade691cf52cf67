package huiqi.enterprise;

import huiqi.facts.Provenance;
import java.util.Collection;
import java.util.Optional;

/**
 * Where 一企一档 lives: profiles keyed by 统一社会信用代码 and their period-indexed facts, each value with its
 * provenance. Core ships {@link InMemoryEnterpriseStore}; the web app implements this on PostgreSQL.
 */
public interface EnterpriseStore {

    boolean contains(String uscc);

    Optional<Enterprise> profile(String uscc);

    /** Profile and facts together, as the rule engine wants them; a snapshot the caller may keep. */
    Optional<EnterpriseRecord> record(String uscc);

    /**
     * Where a profile field came from: "name", "region_code", "industry_code", "size" or an attribute id.
     */
    Optional<Provenance> provenance(String uscc, String field);

    /** Every stored 统一社会信用代码, in a stable order. */
    Collection<String> usccs();

    long factCount();

    /**
     * Applies a validated batch atomically: profile fields supplied replace stored ones (others stay), facts
     * replace any stored value of the same enterprise, indicator and period. If any fact belongs to an
     * enterprise that is neither stored nor in the batch, throws {@link ImportRejectedException} and changes
     * nothing; the same holds for any other failure.
     */
    void apply(ImportBatch batch);
}
