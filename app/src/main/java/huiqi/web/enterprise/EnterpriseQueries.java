package huiqi.web.enterprise;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read side of 一企一档 for the pages: search with paging, and the facts of one enterprise as rows. */
@Repository
public class EnterpriseQueries {
    public static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;

    public EnterpriseQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(String uscc, String name, String regionCode, String industryCode, String size, long facts) {
    }

    public record Page(List<Row> rows, long total, int page) {
        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    public record FactRow(String indicator, String period, BigDecimal value, String source, String file,
                          Integer row) {
    }

    public Page search(EnterpriseFilter f, int page) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (!f.q().isEmpty()) {
            where.append(" and (e.name ilike ? or e.uscc ilike ?)");
            params.add("%" + f.q() + "%");
            params.add("%" + f.q().toUpperCase() + "%");
        }
        if (!f.region().isEmpty()) {
            where.append(" and e.region_code like ?");
            params.add(f.region() + "%");
        }
        if (!f.industry().isEmpty()) {
            where.append(" and e.industry_code ilike ?");
            params.add(f.industry() + "%");
        }
        if (!f.size().isEmpty()) {
            where.append(" and e.size = ?");
            params.add(f.size());
        }
        long total = jdbc.sql("select count(*) from enterprise e" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(PAGE_SIZE);
        pageParams.add((long) Math.max(0, page - 1) * PAGE_SIZE);
        List<Row> rows = jdbc.sql("""
                        select e.uscc, e.name, e.region_code, e.industry_code, e.size,
                          (select count(*) from enterprise_fact f where f.uscc = e.uscc) as facts
                        from enterprise e""" + where + " order by e.name, e.uscc limit ? offset ?")
                .params(pageParams)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6)))
                .list();
        return new Page(rows, total, page);
    }

    public List<FactRow> facts(String uscc) {
        return jdbc.sql("""
                        select indicator, period, value, source, file, row_no from enterprise_fact where uscc = ?
                        order by indicator, period""").param(uscc)
                .query((rs, i) -> new FactRow(rs.getString(1), rs.getString(2), rs.getBigDecimal(3).stripTrailingZeros(),
                        rs.getString(4), rs.getString(5), (Integer) rs.getObject(6)))
                .list();
    }

    public List<Map<String, Object>> countsByRegion() {
        return jdbc.sql("""
                select coalesce(region_code, '未知') as label, count(*) as n from enterprise
                group by 1 order by 2 desc limit 12""").query().listOfRows();
    }

    public List<String> sizes() {
        return jdbc.sql("select distinct size from enterprise where size is not null order by 1").query(String.class).list();
    }
}
