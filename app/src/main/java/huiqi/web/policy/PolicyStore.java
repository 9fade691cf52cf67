package huiqi.web.policy;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The policy library in PostgreSQL: documents with their measures, searchable. */
@Repository
public class PolicyStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public PolicyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String id) {
        return jdbc.sql("select count(*) from policy_document where id = ?").param(id).query(Long.class).single() > 0;
    }

    public Optional<String> idOfDocNumber(String docNumber) {
        return jdbc.sql("select id from policy_document where doc_number = ?").param(docNumber)
                .query(String.class).optional();
    }

    /** Stores the document and its measures unless the id is taken; returns whether it was stored. */
    @Transactional
    public boolean insert(DocumentDraft d, String origin, String fileName, byte[] file, String user) {
        int inserted = jdbc.sql("""
                        insert into policy_document (id, doc_number, issuer, title, issued_on, effective_from,
                          effective_until, region_code, region_name, level, chapters, warnings, source_text,
                          source_file_name, source_file, origin, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, ?)
                        on conflict (id) do nothing""")
                .params(d.id(), blankToNull(d.docNumber()), d.issuer(), d.title(), d.issuedOn(), d.effectiveFrom(),
                        d.effectiveUntil(), d.region() == null ? null : d.region().code(),
                        d.region() == null ? null : d.region().name(), d.level(), JSON.writeValueAsString(d.chapters()),
                        JSON.writeValueAsString(d.warnings()), d.sourceText(), fileName, file, origin, user)
                .update();
        if (inserted == 0) {
            return false;
        }
        for (DocumentDraft.Measure m : d.measures()) {
            jdbc.sql("""
                            insert into policy_measure (document_id, number, chapter, title, text, lead_units,
                              responsible_units, inherited_units, targets, amounts)
                            values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")
                    .params(d.id(), m.number(), m.chapter(), m.title(), m.text(),
                            m.leadUnits().toArray(String[]::new), m.responsibleUnits().toArray(String[]::new),
                            m.inheritedUnits().toArray(String[]::new), JSON.writeValueAsString(m.targets()),
                            JSON.writeValueAsString(m.amounts()))
                    .update();
        }
        return true;
    }

    public List<DocumentSummary> search(PolicyFilter f) {
        StringBuilder sql = new StringBuilder("""
                select d.id, d.doc_number, d.title, d.issuer, d.issued_on, d.effective_until, d.region_name,
                  d.level, (select count(*) from policy_measure m where m.document_id = d.id) as measures
                from policy_document d where true""");
        List<Object> params = new ArrayList<>();
        if (!f.q().isEmpty()) {
            sql.append(" and (d.title ilike ? or d.source_text ilike ? or d.doc_number ilike ? or d.issuer ilike ?)");
            String like = like(f.q());
            params.addAll(List.of(like, like, like, like));
        }
        if (!f.docNumber().isEmpty()) {
            // 文号 are written with and without spaces ("鼓政办规〔2023〕1 号"); compare without them.
            sql.append(" and replace(d.doc_number, ' ', '') ilike ?");
            params.add(like(f.docNumber().replace(" ", "")));
        }
        if (!f.unit().isEmpty()) {
            sql.append(" and exists (select 1 from policy_measure m where m.document_id = d.id and exists (")
                    .append("select 1 from unnest(m.lead_units || m.responsible_units || m.inherited_units) u")
                    .append(" where u ilike ?))");
            params.add(like(f.unit()));
        }
        if (!f.region().isEmpty()) {
            sql.append(" and (d.region_name ilike ? or d.region_code like ? or d.issuer ilike ?)");
            params.addAll(List.of(like(f.region()), f.region() + "%", like(f.region())));
        }
        if (!f.level().isEmpty()) {
            sql.append(" and d.level = ?");
            params.add(f.level());
        }
        if ("valid".equals(f.validity())) {
            sql.append(" and (d.effective_until is null or d.effective_until >= current_date)");
        } else if ("expired".equals(f.validity())) {
            sql.append(" and d.effective_until < current_date");
        }
        sql.append(" order by d.issued_on desc nulls last, d.id");
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> new DocumentSummary(rs.getString("id"),
                rs.getString("doc_number"), rs.getString("title"), rs.getString("issuer"),
                date(rs, "issued_on"), date(rs, "effective_until"), rs.getString("region_name"),
                rs.getString("level"), rs.getInt("measures"))).list();
    }

    public Optional<StoredDocument> find(String id) {
        return jdbc.sql("select * from policy_document where id = ?").param(id).query((rs, i) -> {
            DocumentDraft d = new DocumentDraft(rs.getString("id"), rs.getString("doc_number"),
                    rs.getString("issuer"), rs.getString("title"), date(rs, "issued_on"), date(rs, "effective_from"),
                    date(rs, "effective_until"),
                    new DocumentDraft.Region(rs.getString("region_code"), rs.getString("region_name")),
                    rs.getString("level"),
                    JSON.readValue(rs.getString("chapters"), new TypeReference<List<DocumentDraft.Chapter>>() { }),
                    measures(rs.getString("id")),
                    JSON.readValue(rs.getString("warnings"), new TypeReference<List<String>>() { }),
                    rs.getString("source_text"));
            return new StoredDocument(d, rs.getString("origin"), rs.getString("source_file_name"),
                    rs.getString("created_by"));
        }).optional();
    }

    public Optional<byte[]> sourceFile(String id) {
        return jdbc.sql("select source_file from policy_document where id = ? and source_file is not null")
                .param(id).query((rs, i) -> rs.getBytes(1)).optional();
    }

    public List<DocumentDraft.Measure> measures(String documentId) {
        return jdbc.sql("select * from policy_measure where document_id = ? order by number").param(documentId)
                .query((rs, i) -> measure(rs)).list();
    }

    /** Measures a unit delivers (lead, responsible or inherited), across the library. */
    public List<UnitMeasure> measuresOfUnit(String unit) {
        return jdbc.sql("""
                        select d.id, d.doc_number, m.* from policy_measure m join policy_document d on d.id = m.document_id
                        where ? = any(m.lead_units || m.responsible_units || m.inherited_units)
                        order by d.issued_on desc nulls last, d.id, m.number""").param(unit)
                .query((rs, i) -> new UnitMeasure(rs.getString("id"), rs.getString("doc_number"), measure(rs)))
                .list();
    }

    public List<String> levels() {
        return jdbc.sql("select distinct level from policy_document where level is not null order by 1")
                .query(String.class).list();
    }

    public List<String> units() {
        return jdbc.sql("""
                select u from (select distinct unnest(lead_units || responsible_units || inherited_units) u
                from policy_measure) x order by u""").query(String.class).list();
    }

    private static DocumentDraft.Measure measure(ResultSet rs) throws SQLException {
        return new DocumentDraft.Measure(rs.getInt("number"), rs.getString("chapter"), rs.getString("title"),
                rs.getString("text"), strings(rs.getArray("lead_units")), strings(rs.getArray("responsible_units")),
                strings(rs.getArray("inherited_units")),
                JSON.readValue(rs.getString("targets"), new TypeReference<List<DocumentDraft.Target>>() { }),
                JSON.readValue(rs.getString("amounts"), new TypeReference<List<DocumentDraft.Amount>>() { }));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static String like(String s) {
        return "%" + s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public record DocumentSummary(String id, String docNumber, String title, String issuer, LocalDate issuedOn,
                                  LocalDate effectiveUntil, String regionName, String level, int measures) {
        public boolean valid() {
            return effectiveUntil == null || !effectiveUntil.isBefore(LocalDate.now());
        }
    }

    public record StoredDocument(DocumentDraft document, String origin, String sourceFileName, String createdBy) {
    }

    public record UnitMeasure(String documentId, String docNumber, DocumentDraft.Measure measure) {
    }
}
