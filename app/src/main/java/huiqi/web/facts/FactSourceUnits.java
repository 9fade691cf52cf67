package huiqi.web.facts;

import huiqi.web.organisation.OrgStore;
import huiqi.web.security.HuiqiUser;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which 组织目录 unit supplied facts (a fact batch or a .xlsx/.csv import): the reporting officer's own unit when it
 * reports in its own name, else the unit the named source binds to (its id, full name, or an alias only one unit
 * has); none when the name is ambiguous or unknown — the source stays as written.
 */
@Component
public class FactSourceUnits {
    private final JdbcClient jdbc;
    private final OrgStore units;

    FactSourceUnits(JdbcClient jdbc, OrgStore units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    void record(String batchId, String source, HuiqiUser user) {
        String unitId = unitOf(source, user).orElse(null);
        if (unitId == null) {
            return;
        }
        jdbc.sql("update fact_batch set source_unit_id = ? where batch_id = ?").params(unitId, batchId).update();
        jdbc.sql("update enterprise_fact set source_unit_id = ? where batch_id = ?").params(unitId, batchId).update();
    }

    /**
     * Marks the facts import {@code importId} wrote with the unit of their 来源 (a source no unit binds to leaves
     * none, also where the fact had one from an earlier batch). Runs in the import's transaction.
     */
    public void recordImport(long importId, Collection<String> sources, HuiqiUser user) {
        for (String source : new LinkedHashSet<>(sources)) {
            jdbc.sql("update enterprise_fact set source_unit_id = ? where import_id = ? and source is not distinct from ?")
                    .params(source == null ? null : unitOf(source, user).orElse(null), importId, source).update();
        }
    }

    private Optional<String> unitOf(String source, HuiqiUser user) {
        if (ReportingUnit.boundUnit(user).filter(source::equals).isPresent() && user.getUnitId() != null) {
            return Optional.of(user.getUnitId());
        }
        return units.idOf(source);
    }
}
