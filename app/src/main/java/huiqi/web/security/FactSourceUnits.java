package huiqi.web.security;

import huiqi.web.organisation.OrgStore;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which 组织目录 unit supplied facts, for /api/v1/facts batches and 数据导入 files alike: the reporting officer's
 * own unit when it reports in its own name, else the unit the named source binds to (its id, full name, or an alias
 * only one unit has); none when the name is ambiguous or unknown — the source stays as written.
 */
@Component
public class FactSourceUnits {
    private final JdbcClient jdbc;
    private final OrgStore units;

    FactSourceUnits(JdbcClient jdbc, OrgStore units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    Optional<String> unitId(String source, HuiqiUser user) {
        if (source == null) {
            return Optional.empty();
        }
        return ReportingUnit.boundUnit(user).filter(source::equals).isPresent() && user.getUnitId() != null
                ? Optional.of(user.getUnitId()) : units.idOf(source);
    }

    /** The unit of an API fact batch, on the batch and on its facts. */
    public void recordBatch(String batchId, String source, HuiqiUser user) {
        unitId(source, user).ifPresent(unitId -> {
            jdbc.sql("update fact_batch set source_unit_id = ? where batch_id = ?").params(unitId, batchId).update();
            jdbc.sql("update enterprise_fact set source_unit_id = ? where batch_id = ?").params(unitId, batchId).update();
        });
    }

    /** The unit of each source named in an imported file set, on the facts that import wrote. */
    public void recordImport(long importId, Collection<String> sources, HuiqiUser user) {
        sources.stream().filter(Objects::nonNull).distinct().forEach(source -> unitId(source, user).ifPresent(unitId ->
                jdbc.sql("update enterprise_fact set source_unit_id = ? where import_id = ? and source = ?")
                        .params(unitId, importId, source).update()));
    }
}
