package huiqi.web.facts;

import huiqi.web.security.FactSourceUnits;
import huiqi.web.security.ReportingUnit;
import huiqi.enterprise.ImportedFact;
import huiqi.enterprise.ImportedItems;
import huiqi.facts.FactValue;
import huiqi.web.enterprise.PgEnterpriseStore;
import huiqi.web.security.HuiqiUser;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a department's fact batch all or nothing, once per batch id. The fact_batch row and the facts are
 * written in one transaction; the row's primary key makes a concurrent post of the same batch id wait for
 * the first one and then find it applied (same content: the original result; other content: a conflict).
 */
@Service
public class FactBatchService {
    private final FactBatchValidator validator;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final FactSourceUnits sourceUnits;
    private final FactBatchLists listChecks;
    private final PgEnterpriseStore store;

    FactBatchService(FactBatchValidator validator, JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx,
                     FactSourceUnits sourceUnits, FactBatchLists listChecks, PgEnterpriseStore store) {
        this.sourceUnits = sourceUnits;
        this.listChecks = listChecks;
        this.store = store;
        this.validator = validator;
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
    }

    /**
     * @throws FactBatchRejected nothing stored (malformed: 400, invalid items: 422)
     * @throws FactBatchConflict the batch id was applied with other content (409)
     */
    public FactBatchResult apply(String json, HuiqiUser user) {
        FactBatchRequest request = FactBatchRequest.parse(json);
        String source = source(request, user);
        String hash = request.contentHash(source);
        Optional<Stored> earlier = find(request.batchId());
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
        }
        List<FactBatchProblem> problems = new ArrayList<>();
        List<ImportedFact> facts = List.of();
        try {
            facts = validator.validate(request, source);
        } catch (FactBatchRejected e) {
            problems.addAll(e.problems());
        }
        List<ImportedItems> lists = listChecks.validate(request, problems);
        if (!problems.isEmpty()) {
            throw new FactBatchRejected(false, problems);
        }
        List<ImportedFact> checked = facts;
        return tx.execute(status -> {
            FactBatchResult result = store(request.batchId(), source, hash, checked, lists, user.getUsername());
            if (!result.alreadyApplied()) {
                sourceUnits.recordBatch(request.batchId(), source, user);
            }
            return result;
        });
    }

    /** An officer reports for its own department (the default); an administrator names the department. */
    private static String source(FactBatchRequest request, HuiqiUser user) {
        Optional<String> refusal = ReportingUnit.refusal(user, request.source());
        if (refusal.isPresent()) {
            throw new FactBatchRejected(false, List.of(FactBatchProblem.batch("source", refusal.get())));
        }
        if (request.source() == null) {
            return ReportingUnit.boundUnit(user).orElseThrow(() ->
                    new FactBatchRejected(true, List.of(FactBatchProblem.batch("source", "缺少来源部门 source"))));
        }
        return request.source();
    }

    private FactBatchResult store(String batchId, String source, String hash, List<ImportedFact> facts,
                                  List<ImportedItems> lists, String user) {
        int enterprises = (int) Stream.concat(facts.stream().map(ImportedFact::uscc), lists.stream().map(ImportedItems::uscc))
                .distinct().count();
        // Waits here if another transaction holds this batch id; 0 rows once that one has committed.
        int claimed = jdbc.sql("""
                        insert into fact_batch (batch_id, source, content_hash, facts, lists, enterprises, replaced, submitted_by)
                        values (?, ?, ?, ?, ?, ?, 0, ?) on conflict (batch_id) do nothing""")
                .params(batchId, source, hash, facts.size(), lists.size(), enterprises, user).update();
        if (claimed == 0) {
            return replay(find(batchId).orElseThrow(), hash);
        }
        String[] usccs = facts.stream().map(ImportedFact::uscc).toArray(String[]::new);
        String[] indicators = facts.stream().map(f -> f.value().indicator()).toArray(String[]::new);
        String[] periods = facts.stream().map(f -> f.value().period().toString()).toArray(String[]::new);
        int replaced = jdbc.sql("""
                        select count(*) from enterprise_fact f
                          join unnest(cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[])) as k(uscc, indicator, period)
                            on f.uscc = k.uscc and f.indicator = k.indicator and f.period = k.period""")
                .params(usccs, indicators, periods).query(Integer.class).single();
        List<Object[]> rows = new ArrayList<>(facts.size());
        for (ImportedFact f : facts) {
            FactValue v = f.value();
            rows.add(new Object[] {f.uscc(), v.indicator(), v.period().toString(), v.value(), source, batchId,
                    v.provenance().row(), batchId});
        }
        template.batchUpdate("""
                insert into enterprise_fact (uscc, indicator, period, value, source, file, row_no, batch_id)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (uscc, indicator, period) do update set value = excluded.value, source = excluded.source,
                  file = excluded.file, row_no = excluded.row_no, batch_id = excluded.batch_id, import_id = null,
                  source_unit_id = null""", rows); // the batch's own unit is recorded after
        jdbc.sql("update fact_batch set replaced = ? where batch_id = ?").params(replaced, batchId).update();
        store.applyBatchItems(lists, batchId);
        Stored s = find(batchId).orElseThrow();
        String listed = lists.isEmpty() ? "" : "、" + lists.size() + " 份清单（"
                + lists.stream().mapToInt(l -> l.items().size()).sum() + " 项，各替换该企业原有的同种清单）";
        return s.result(false, "已入库 " + facts.size() + " 条事实数据" + listed + "（" + enterprises
                + " 户企业，其中更新原有数据 " + replaced + " 条）");
    }

    private static FactBatchResult replay(Stored stored, String hash) {
        FactBatchResult original = stored.result(true, null).replayed();
        if (!stored.hash().equals(hash)) {
            throw new FactBatchConflict(original);
        }
        return original;
    }

    private record Stored(String batchId, String source, String hash, int facts, int lists, int enterprises,
                          int replaced, String submittedBy, OffsetDateTime appliedAt) {
        FactBatchResult result(boolean again, String message) {
            return new FactBatchResult(batchId, source, facts, lists, enterprises, replaced, submittedBy, appliedAt,
                    again, message);
        }
    }

    private Optional<Stored> find(String batchId) {
        return jdbc.sql("""
                        select batch_id, source, content_hash, facts, lists, enterprises, replaced, submitted_by, applied_at
                        from fact_batch where batch_id = ?""").param(batchId)
                .query((rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class)))
                .optional();
    }
}
