package huiqi.web.fulfilment;

import huiqi.fulfilment.CaseState;
import huiqi.fulfilment.ExistingCase;
import huiqi.web.paging.PageRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads and locks cases. Writes happen in {@link CaseWorkflow}, {@link Payments} and {@link MatchSync}. */
public class CaseRepository {
    private final JdbcClient jdbc;

    public CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaseRecord> find(long id) {
        return jdbc.sql("select * from fulfilment_case where id = ?").param(id).query(CaseRecord::map).optional();
    }

    /** Who bears how much of the case's amount (borne_by rules); empty for every other case. */
    public List<huiqi.fulfilment.BearerPart> parts(long id) {
        return CaseParts.ofCase(jdbc, id);
    }

    /** The row lock that serialises every action on one case (held to the end of the transaction). */
    public Optional<CaseRecord> lock(long id) {
        return jdbc.sql("select * from fulfilment_case where id = ? for update").param(id).query(CaseRecord::map).optional();
    }

    /**
     * {@code unitId}: the 组织目录 unit of the officer (or, {@code asPayer}, the 财政经办) whose cases these are; it
     * selects cases bound to that unit, and by {@code unit} name only cases not bound to the directory.
     */
    public record Filter(String uscc, String unit, List<CaseState> states, String ruleId, String q, int limit,
                         String unitId, boolean asPayer) {
        public Filter(String uscc, String unit, List<CaseState> states, String ruleId, String q, int limit) {
            this(uscc, unit, states, ruleId, q, limit, null, false);
        }

        public static Filter ofEnterprise(String uscc) {
            return new Filter(uscc, null, List.of(), null, null, 1000);
        }
    }

    public List<CaseRecord> find(Filter f) {
        Where w = where(f, true);
        String sql = "select * from fulfilment_case" + w.sql + " order by id limit " + Math.max(1, Math.min(f.limit(), 100_000));
        return jdbc.sql(sql).params(w.params).query(CaseRecord::map).list();
    }

    /** Sort keys of the 兑现办理 list and their columns. */
    public static final Map<String, String> SORTS = Map.of("id", "id", "enterprise", "enterprise_name",
            "title", "title", "period", "period", "amount", "amount", "state", "state");

    /** One page of the filtered cases (the filter's limit is ignored: the page bounds the rows). */
    public List<CaseRecord> page(Filter f, PageRequest request) {
        Where w = where(f, true);
        String sql = "select * from fulfilment_case" + w.sql + " order by " + request.orderBy(SORTS, "id")
                + " limit " + request.size() + " offset " + request.offset();
        return jdbc.sql(sql).params(w.params).query(CaseRecord::map).list();
    }

    public long count(Filter f) {
        Where w = where(f, true);
        return jdbc.sql("select count(*) from fulfilment_case" + w.sql).params(w.params).query(Long.class).single();
    }

    /** Cases per state under the filter's unit, enterprise and search (its states ignored), for the state menu. */
    public Map<String, Long> countByState(Filter f) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (CaseState s : CaseState.values()) {
            m.put(s.label(), 0L);
        }
        Where w = where(f, false);
        jdbc.sql("select state, count(*) as n from fulfilment_case" + w.sql + " group by state").params(w.params)
                .query().listOfRows().forEach(r -> m.put((String) r.get("state"), ((Number) r.get("n")).longValue()));
        return m;
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(Filter f, boolean withStates) {
        StringBuilder sql = new StringBuilder(" where 1 = 1");
        List<Object> p = new ArrayList<>();
        if (f.uscc() != null && !f.uscc().isBlank()) {
            sql.append(" and uscc = ?");
            p.add(f.uscc().strip());
        }
        if (f.unitId() != null) {
            sql.append(f.asPayer()
                    ? " and (? = any (payer_unit_ids) or (coalesce(cardinality(payer_unit_ids), 0) = 0 and unit = ?))"
                    : " and (unit_id = ? or (unit_id is null and unit = ?))");
            p.add(f.unitId());
            p.add(f.unit() == null ? "" : f.unit().strip());
        } else if (f.unit() != null && !f.unit().isBlank()) {
            sql.append(" and unit = ?");
            p.add(f.unit().strip());
        }
        if (withStates && f.states() != null && !f.states().isEmpty()) {
            sql.append(" and state in (").append(String.join(",", f.states().stream().map(s -> "?").toList())).append(")");
            f.states().forEach(s -> p.add(s.label()));
        }
        if (f.ruleId() != null && !f.ruleId().isBlank()) {
            sql.append(" and rule_id = ?");
            p.add(f.ruleId().strip());
        }
        if (f.q() != null && !f.q().isBlank()) {
            // a fragment of the enterprise's name or code, the policy's title, or its 文号 (written with or without spaces)
            sql.append(" and (enterprise_name ilike ? or uscc ilike ? or title ilike ? or exists (select 1 from policy_document d"
                    + " where replace(d.doc_number, ' ', '') ilike ? and fulfilment_case.rule_id like d.id || '/%'))");
            String like = "%" + f.q().strip() + "%";
            p.add(like);
            p.add(like);
            p.add(like);
            p.add("%" + f.q().replace(" ", "").strip() + "%");
        }
        return new Where(sql.toString(), p);
    }

    /** 免申即享 cases of these rules (申请 cases follow the enterprise's application, not re-matching). */
    public List<ExistingCase> existingAutomatic(Collection<String> ruleIds) {
        return jdbc.sql("select id, rule_id, uscc, period, payer, seq, state, amount from fulfilment_case where delivery = '免申即享'")
                .query((rs, i) -> new ExistingCase(rs.getLong("id"),
                        new huiqi.fulfilment.CaseKey(rs.getString("rule_id"), rs.getString("uscc"), rs.getString("period"), rs.getString("payer")),
                        rs.getInt("seq"), CaseState.parse(rs.getString("state")), rs.getBigDecimal("amount")))
                .list().stream().filter(c -> ruleIds.contains(c.key().ruleId())).toList();
    }
}
