package huiqi.web.facts;

import huiqi.web.security.ReportingUnit;
import huiqi.web.organisation.OrgStore;
import huiqi.web.security.HuiqiUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which 组织目录 unit supplied a fact batch: the reporting officer's own unit when it reports in its own name,
 * else the unit the named source binds to (its id, full name, or an alias only one unit has); none when the
 * name is ambiguous or unknown — the source stays as written.
 */
@Component
class FactSourceUnits {
    private final JdbcClient jdbc;
    private final OrgStore units;

    FactSourceUnits(JdbcClient jdbc, OrgStore units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    void record(String batchId, String source, HuiqiUser user) {
        String unitId = ReportingUnit.boundUnit(user).filter(source::equals).isPresent() && user.getUnitId() != null
                ? user.getUnitId() : units.idOf(source).orElse(null);
        if (unitId == null) {
            return;
        }
        jdbc.sql("update fact_batch set source_unit_id = ? where batch_id = ?").params(unitId, batchId).update();
        jdbc.sql("update enterprise_fact set source_unit_id = ? where batch_id = ?").params(unitId, batchId).update();
    }
}
