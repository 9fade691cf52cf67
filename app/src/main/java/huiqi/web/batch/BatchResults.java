package huiqi.web.batch;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-enterprise rows of a run: paged for the table and the API, streamed for the export. Read from the run's
 * Parquet file ({@link BatchResultFiles}) through DuckDB; runs stored before the file existed, from batch_result.
 */
@Repository
public class BatchResults {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final BatchResultFiles files;
    private final ResultFileReader reader;

    BatchResults(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, BatchResultFiles files,
                 ResultFileReader reader) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
        this.files = files;
        this.reader = reader;
    }

    /** One enterprise × rule; base_* are the baseline's status and amount when the run has a what-if overlay. */
    public record Row(String uscc, String name, String regionCode, String ruleId, String status, BigDecimal amount,
                      String currency, String payer, BigDecimal payerAmount, String payer2, BigDecimal payer2Amount,
                      BigDecimal allocated, BigDecimal shortfall, String baseStatus, BigDecimal baseAmount) {
        public String statusLabel() {
            return ResultFilter.statusLabel(status);
        }

        public String baseStatusLabel() {
            return ResultFilter.statusLabel(baseStatus);
        }
    }

    public record Page(List<Row> rows, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    public Page page(long runId, ResultFilter f, int page, int size) {
        if (files.exists(runId)) {
            return reader.page(files.of(runId), f, page, size);
        }
        List<Object> params = new ArrayList<>(List.of(runId));
        String where = " where run_id = ?" + f.where(params);
        long total = jdbc.sql("select count(*) from batch_result" + where).params(params).query(Long.class).single();
        int p = (int) Math.max(1, Math.min(page, (total + size - 1) / size));
        List<Object> withPage = new ArrayList<>(params);
        withPage.add(size);
        withPage.add((long) (p - 1) * size);
        List<Row> rows = jdbc.sql("select * from batch_result" + where + " order by uscc, rule_no limit ? offset ?")
                .params(withPage).query((rs, i) -> row(rs)).list();
        return new Page(rows, total, p, size);
    }

    /** Every matching row in order, streamed from PostgreSQL with a cursor (no full result in memory). */
    public void each(long runId, ResultFilter f, Consumer<Row> sink) {
        if (files.exists(runId)) {
            reader.each(files.of(runId), f, sink);
            return;
        }
        List<Object> params = new ArrayList<>(List.of(runId));
        String sql = "select * from batch_result where run_id = ?" + f.where(params) + " order by uscc, rule_no";
        tx.executeWithoutResult(s -> template.query(con -> {
            var ps = con.prepareStatement(sql);
            ps.setFetchSize(2000);
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return ps;
        }, rs -> {
            sink.accept(row(rs));
        }));
    }

    static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("uscc"), rs.getString("name"), rs.getString("region_code"), rs.getString("rule_id"),
                rs.getString("status"), rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("payer"),
                rs.getBigDecimal("payer_amount"), rs.getString("payer2"), rs.getBigDecimal("payer2_amount"),
                rs.getBigDecimal("allocated"), rs.getBigDecimal("shortfall"), rs.getString("base_status"),
                rs.getBigDecimal("base_amount"));
    }
}
