package huiqi.web.enterprise;

import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.enterprise.EnterpriseStore;
import huiqi.enterprise.ImportBatch;
import huiqi.enterprise.ImportProblem;
import huiqi.enterprise.ImportRejectedException;
import huiqi.enterprise.ImportedFact;
import huiqi.enterprise.ImportedProfile;
import huiqi.facts.FactValue;
import huiqi.facts.Facts;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import huiqi.facts.Provenance;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * 一企一档 on PostgreSQL. {@link #apply} runs in one transaction: a rejected or failing batch leaves every
 * table as it was. Attribute values are stored as JSON and typed back through the indicator catalog.
 */
@Repository
public class PgEnterpriseStore implements EnterpriseStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final IndicatorCatalog catalog;

    public PgEnterpriseStore(JdbcClient jdbc, JdbcTemplate template, IndicatorCatalog catalog) {
        this.jdbc = jdbc;
        this.template = template;
        this.catalog = catalog;
    }

    @Override
    public boolean contains(String uscc) {
        return jdbc.sql("select count(*) from enterprise where uscc = ?").param(uscc).query(Long.class).single() > 0;
    }

    @Override
    public Optional<Enterprise> profile(String uscc) {
        return jdbc.sql("select * from enterprise where uscc = ?").param(uscc)
                .query((rs, i) -> new Enterprise(rs.getString("uscc"), rs.getString("name"),
                        rs.getString("region_code"), rs.getString("industry_code"), rs.getString("size"),
                        typed(JSON.readValue(rs.getString("attributes"), MAP))))
                .optional();
    }

    /**
     * Profile and facts in one round trip (a left join: the profile columns repeat on every fact row). The
     * 一企一策 page loads this for every view; under load each query's round trip to PostgreSQL counts.
     */
    @Override
    public Optional<EnterpriseRecord> record(String uscc) {
        Facts facts = Facts.empty();
        Enterprise[] profile = new Enterprise[1];
        jdbc.sql("""
                        select e.uscc, e.name, e.region_code, e.industry_code, e.size, e.attributes,
                               f.indicator, f.period, f.value, f.source, f.file, f.row_no
                        from enterprise e left join enterprise_fact f on f.uscc = e.uscc
                        where e.uscc = ?""")
                .param(uscc)
                .query(rs -> {
                    if (profile[0] == null) {
                        profile[0] = new Enterprise(rs.getString("uscc"), rs.getString("name"),
                                rs.getString("region_code"), rs.getString("industry_code"), rs.getString("size"),
                                typed(JSON.readValue(rs.getString("attributes"), MAP)));
                    }
                    String indicator = rs.getString("indicator");
                    if (indicator != null) {
                        Integer row = (Integer) rs.getObject("row_no");
                        facts.put(new FactValue(indicator, period(rs.getString("period")),
                                rs.getBigDecimal("value").stripTrailingZeros(),
                                new Provenance(rs.getString("source"), rs.getString("file"), row)));
                    }
                });
        if (profile[0] != null) {
            items(uscc, facts);
        }
        return Optional.ofNullable(profile[0]).map(p -> new EnterpriseRecord(p, facts));
    }

    /** The enterprise's lists of items (an empty list included), fields read as the catalog declares them. */
    private void items(String uscc, Facts facts) {
        Map<String, List<huiqi.facts.Item>> lists = new LinkedHashMap<>();
        jdbc.sql("""
                        select l.kind, i.item_id, i.fields from enterprise_item_list l
                        left join enterprise_item i on i.uscc = l.uscc and i.kind = l.kind
                        where l.uscc = ? order by l.kind, i.ord""")
                .param(uscc)
                .query(rs -> {
                    String kind = rs.getString("kind");
                    List<huiqi.facts.Item> list = lists.computeIfAbsent(kind, k -> new ArrayList<>());
                    String id = rs.getString("item_id");
                    var declared = catalog.itemKind(kind);
                    if (id != null && declared.isPresent()) {
                        Map<String, Object> stored = JSON.readValue(rs.getString("fields"), MAP);
                        Map<String, Object> values = new LinkedHashMap<>();
                        stored.forEach((f, v) -> declared.get().field(f).ifPresent(field -> {
                            if (v != null) {
                                values.put(f, switch (field.type()) {
                                    case NUMBER -> new BigDecimal(v.toString());
                                    case DATE -> LocalDate.parse(v.toString());
                                    case BOOLEAN -> v instanceof Boolean b ? b : Boolean.valueOf(v.toString());
                                    default -> v.toString();
                                });
                            }
                        }));
                        list.add(new huiqi.facts.Item(kind, id, values));
                    }
                });
        lists.forEach(facts::replaceItems);
    }

    /** Stored periods are canonical and few (months, quarters, years): parse each text once. */
    private static final ConcurrentMap<String, Period> PERIODS = new ConcurrentHashMap<>();

    private static Period period(String text) {
        Period p = PERIODS.get(text);
        if (p == null) {
            p = Period.parse(text);
            if (PERIODS.size() < 10_000) {
                PERIODS.putIfAbsent(text, p);
            }
        }
        return p;
    }

    public Facts facts(String uscc) {
        Facts facts = Facts.empty();
        jdbc.sql("select indicator, period, value, source, file, row_no from enterprise_fact where uscc = ?")
                .param(uscc)
                .query(rs -> {
                    Integer row = (Integer) rs.getObject("row_no");
                    facts.put(new FactValue(rs.getString("indicator"), period(rs.getString("period")),
                            rs.getBigDecimal("value").stripTrailingZeros(),
                            new Provenance(rs.getString("source"), rs.getString("file"), row)));
                });
        return facts;
    }

    @Override
    public Optional<Provenance> provenance(String uscc, String field) {
        return jdbc.sql("select provenance -> ? from enterprise where uscc = ?").params(field, uscc)
                .query(String.class).optional().filter(s -> s != null && !s.equals("null"))
                .map(s -> {
                    Map<String, Object> m = JSON.readValue(s, MAP);
                    return new Provenance((String) m.get("source"), (String) m.get("file"),
                            m.get("row") == null ? null : ((Number) m.get("row")).intValue());
                });
    }

    @Override
    public Collection<String> usccs() {
        return jdbc.sql("select uscc from enterprise order by uscc").query(String.class).list();
    }

    @Override
    public long factCount() {
        return jdbc.sql("select count(*) from enterprise_fact").query(Long.class).single();
    }

    @Override
    @Transactional
    public void apply(ImportBatch batch) {
        write(batch, null);
    }

    /**
     * Applies {@code batch} as import {@code importId}: before writing, records each fact's and profile's previous
     * state (or its absence) in import_fact_version / import_profile_version, and marks the facts as set by it.
     * Runs in the caller's transaction, which also holds the import_log row.
     */
    @Transactional
    public void applyAsImport(ImportBatch batch, long importId) {
        write(batch, importId);
    }

    private void write(ImportBatch batch, Long importId) {
        Set<String> incoming = new HashSet<>();
        batch.profiles().forEach(p -> incoming.add(p.uscc()));
        Set<String> referenced = new HashSet<>();
        batch.facts().forEach(f -> referenced.add(f.uscc()));
        referenced.removeAll(incoming);
        Set<String> known = new HashSet<>();
        if (!referenced.isEmpty()) {
            known.addAll(jdbc.sql("select uscc from enterprise where uscc = any(?)")
                    .param(referenced.toArray(String[]::new)).query(String.class).list());
        }
        batch.items().forEach(l -> {
            if (!incoming.contains(l.uscc())) {
                referenced.add(l.uscc());
            }
        });
        if (!batch.items().isEmpty()) {
            known.addAll(jdbc.sql("select uscc from enterprise where uscc = any(?)")
                    .param(referenced.toArray(String[]::new)).query(String.class).list());
        }
        List<ImportProblem> unknown = new ArrayList<>();
        for (huiqi.enterprise.ImportedItems l : batch.items()) {
            if (!incoming.contains(l.uscc()) && !known.contains(l.uscc())) {
                unknown.add(new ImportProblem(l.file(), l.row(), "uscc", "企业 " + l.uscc() + " 不在企业档案中"));
            }
        }
        for (ImportedFact f : batch.facts()) {
            if (!incoming.contains(f.uscc()) && !known.contains(f.uscc())) {
                Provenance p = f.value().provenance();
                unknown.add(new ImportProblem(p == null ? "" : p.file(), p == null || p.row() == null ? 0 : p.row(),
                        "uscc", "企业 " + f.uscc() + " 不在企业档案中"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ImportRejectedException(unknown);
        }
        if (importId != null) {
            recordPrevious(batch, importId);
        }
        List<Object[]> profileRows = new ArrayList<>();
        for (ImportedProfile p : batch.profiles()) {
            Map<String, Object> prov = new LinkedHashMap<>();
            Map<String, Object> origin = provenanceJson(p.provenance());
            if (p.name() != null) prov.put("name", origin);
            if (p.regionCode() != null) prov.put("region_code", origin);
            if (p.industryCode() != null) prov.put("industry_code", origin);
            if (p.size() != null) prov.put("size", origin);
            p.attributes().keySet().forEach(a -> prov.put(a, origin));
            profileRows.add(new Object[] {p.uscc(), p.name() == null ? "" : p.name(), p.regionCode(),
                    p.industryCode(), p.size(), JSON.writeValueAsString(untyped(p.attributes())),
                    JSON.writeValueAsString(prov), p.name() != null});
        }
        template.batchUpdate("""
                insert into enterprise as e (uscc, name, region_code, industry_code, size, attributes, provenance)
                values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))
                on conflict (uscc) do update set
                  name = case when ? then excluded.name else e.name end,
                  region_code = coalesce(excluded.region_code, e.region_code),
                  industry_code = coalesce(excluded.industry_code, e.industry_code),
                  size = coalesce(excluded.size, e.size),
                  attributes = e.attributes || excluded.attributes,
                  provenance = e.provenance || excluded.provenance""", profileRows);
        List<Object[]> factRows = new ArrayList<>();
        for (ImportedFact f : batch.facts()) {
            FactValue v = f.value();
            Provenance p = v.provenance();
            factRows.add(new Object[] {f.uscc(), v.indicator(), v.period().toString(), v.value(),
                    p == null ? null : p.source(), p == null ? null : p.file(), p == null ? null : p.row(), importId});
        }
        template.batchUpdate("""
                insert into enterprise_fact (uscc, indicator, period, value, source, file, row_no, import_id)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (uscc, indicator, period) do update set value = excluded.value,
                  source = excluded.source, file = excluded.file, row_no = excluded.row_no, batch_id = null,
                  import_id = excluded.import_id, source_unit_id = null""", factRows); // the import's own unit is recorded after
        applyItems(batch.items(), null);
    }

    /**
     * 事实数据上报: the checked item lists of fact batch {@code batchId} replace the stored lists of their kinds, as an
     * import's do; each list names the batch (an import it overwrote can no longer be undone). Runs in the caller's
     * transaction, which also holds the fact_batch row and the batch's facts.
     */
    @Transactional
    public void applyBatchItems(List<huiqi.enterprise.ImportedItems> lists, String batchId) {
        applyItems(lists, batchId);
    }

    /** Each list replaces the stored list of its kind (its items deleted by the cascade). */
    private void applyItems(List<huiqi.enterprise.ImportedItems> lists, String batchId) {
        if (lists.isEmpty()) {
            return;
        }
        List<Object[]> listRows = new ArrayList<>();
        List<Object[]> itemRows = new ArrayList<>();
        for (huiqi.enterprise.ImportedItems l : lists) {
            listRows.add(new Object[] {l.uscc(), l.kind(), l.file(), l.row(), batchId});
            int ord = 0;
            for (huiqi.facts.Item i : l.items()) {
                Map<String, Object> fields = new LinkedHashMap<>();
                i.fields().forEach((k, v) -> fields.put(k, v instanceof BigDecimal d ? d.stripTrailingZeros() : v));
                itemRows.add(new Object[] {l.uscc(), l.kind(), i.id(), ord++, JSON.writeValueAsString(untyped(fields))});
            }
        }
        template.batchUpdate("delete from enterprise_item_list where uscc = ? and kind = ?",
                listRows.stream().map(r -> new Object[] {r[0], r[1]}).toList());
        template.batchUpdate("insert into enterprise_item_list (uscc, kind, file, row_no, batch_id) values (?, ?, ?, ?, ?)", listRows);
        template.batchUpdate("insert into enterprise_item (uscc, kind, item_id, ord, fields) values (?, ?, ?, ?, cast(? as jsonb))",
                itemRows);
    }

    /** What the batch is about to overwrite, in three statements whatever the batch's size. */
    private void recordPrevious(ImportBatch batch, long importId) {
        if (!batch.items().isEmpty()) {
            String[] usccs = batch.items().stream().map(huiqi.enterprise.ImportedItems::uscc).toArray(String[]::new);
            String[] kinds = batch.items().stream().map(huiqi.enterprise.ImportedItems::kind).toArray(String[]::new);
            jdbc.sql("""
                    insert into import_item_version (import_id, uscc, kind, previous)
                    select ?, k.uscc, k.kind, case when l.uscc is null then null else jsonb_build_object(
                             'file', l.file, 'row_no', l.row_no, 'batch_id', l.batch_id, 'items', coalesce((
                               select jsonb_agg(jsonb_build_object('item_id', i.item_id, 'ord', i.ord, 'fields', i.fields) order by i.ord)
                               from enterprise_item i where i.uscc = l.uscc and i.kind = l.kind), '[]'::jsonb)) end
                    from unnest(cast(? as varchar[]), cast(? as varchar[])) as k(uscc, kind)
                      left join enterprise_item_list l on l.uscc = k.uscc and l.kind = k.kind
                    on conflict do nothing""")
                    .params(importId, usccs, kinds).update();
        }
        if (!batch.facts().isEmpty()) {
            Map<List<String>, BigDecimal> last = new LinkedHashMap<>(); // a key given twice ends with its last value
            for (ImportedFact f : batch.facts()) {
                last.put(List.of(f.uscc(), f.value().indicator(), f.value().period().toString()), f.value().value());
            }
            int n = last.size();
            String[] usccs = new String[n];
            String[] indicators = new String[n];
            String[] periods = new String[n];
            String[] values = new String[n];
            int i = 0;
            for (Map.Entry<List<String>, BigDecimal> e : last.entrySet()) {
                usccs[i] = e.getKey().get(0);
                indicators[i] = e.getKey().get(1);
                periods[i] = e.getKey().get(2);
                values[i++] = e.getValue().toPlainString();
            }
            jdbc.sql("""
                    insert into import_fact_version (import_id, uscc, indicator, period, had_previous, prev_value,
                      prev_source, prev_file, prev_row_no, prev_batch_id, prev_import_id, prev_source_unit_id, new_value)
                    select ?, k.uscc, k.indicator, k.period, f.uscc is not null, f.value, f.source, f.file, f.row_no,
                           f.batch_id, f.import_id, f.source_unit_id, k.value
                    from unnest(cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]), cast(cast(? as varchar[]) as numeric[]))
                           as k(uscc, indicator, period, value)
                      left join enterprise_fact f
                        on f.uscc = k.uscc and f.indicator = k.indicator and f.period = k.period""")
                    .params(importId, usccs, indicators, periods, values).update();
        }
        if (!batch.profiles().isEmpty()) {
            String[] usccs = batch.profiles().stream().map(ImportedProfile::uscc).distinct().toArray(String[]::new);
            jdbc.sql("""
                    insert into import_profile_version (import_id, uscc, previous)
                    select ?, k.uscc, case when e.uscc is null then null else to_jsonb(e) end from unnest(cast(? as varchar[])) as k(uscc)
                      left join enterprise e on e.uscc = k.uscc""")
                    .params(importId, usccs).update();
        }
    }

    private static Map<String, Object> provenanceJson(Provenance p) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (p != null) {
            m.put("source", p.source());
            m.put("file", p.file());
            m.put("row", p.row());
        }
        return m;
    }

    /** Attribute values as JSON scalars: booleans stay booleans, everything else is its canonical text. */
    private static Map<String, Object> untyped(Map<String, Object> attributes) {
        Map<String, Object> out = new LinkedHashMap<>();
        attributes.forEach((k, v) -> out.put(k, v instanceof Boolean b ? b : v == null ? null
                : v instanceof BigDecimal d ? d.toPlainString() : v.toString()));
        return out;
    }

    private Map<String, Object> typed(Map<String, Object> stored) {
        Map<String, Object> out = new LinkedHashMap<>();
        stored.forEach((k, v) -> {
            if (v == null) {
                return;
            }
            Object value = catalog.attribute(k).<Object>map(a -> switch (a.type()) {
                case BOOLEAN -> v instanceof Boolean b ? b : Boolean.valueOf(v.toString());
                case DATE -> LocalDate.parse(v.toString());
                case MONTH -> YearMonth.parse(v.toString());
                case NUMBER -> new BigDecimal(v.toString());
                case TEXT, CODE, ZONE -> v.toString();
            }).orElse(v);
            out.put(k, value);
        });
        return out;
    }
}
