package huiqi.web.dashboard;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The 工作台's key numbers, counted in PostgreSQL. */
@Repository
class DashboardQueries {
    private final JdbcClient jdbc;

    DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Counts(long documents, long measures, long validDocuments, long enterprises, long facts, long users) {
    }

    Counts counts() {
        return new Counts(count("select count(*) from policy_document"),
                count("select count(*) from policy_measure"),
                count("select count(*) from policy_document where effective_until is null or effective_until >= current_date"),
                count("select count(*) from enterprise"),
                count("select count(*) from enterprise_fact"),
                count("select count(*) from app_user"));
    }

    /** Measures per document (label = 文号, or the title when there is none), newest document first. */
    List<Map<String, Object>> measuresPerDocument() {
        return jdbc.sql("""
                select coalesce(d.doc_number, d.title) as label, count(m.number) as n from policy_document d
                left join policy_measure m on m.document_id = d.id group by d.id, d.doc_number, d.title
                order by d.issued_on desc nulls last, d.id""").query().listOfRows();
    }

    /** Measures this unit leads, is responsible for or inherits. */
    long measuresOfUnit(String unit) {
        return jdbc.sql("""
                select count(*) from policy_measure where ? = any(lead_units) or ? = any(responsible_units)
                or ? = any(inherited_units)""").params(unit, unit, unit).query(Long.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
