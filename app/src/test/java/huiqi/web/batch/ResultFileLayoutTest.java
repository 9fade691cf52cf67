package huiqi.web.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's file reads the same in both layouts: layout 1 (every column on every row, files of runs stored before
 * layout 2) and layout 2 (the rules' constant strings once, in the file's metadata), with every filter.
 */
class ResultFileLayoutTest {
    @TempDir
    Path dir;

    private static final List<ResultFileLayout.RuleConstants> RULES = List.of(
            new ResultFileLayout.RuleConstants(0, "gl-1/1-1", "CNY", "市财政局", null),
            new ResultFileLayout.RuleConstants(1, "gl-1/1-2", "hours", "区人社局", "市财政局"),
            new ResultFileLayout.RuleConstants(3, "gl-1/1-'4", "CNY", "区科技局", null));

    /** uscc, name, region_code, rule_no, status, amount, payer_amount, payer2_amount (allocated … base_amount null). */
    private static final String ROWS = """
            ('91000000000000001A', '甲公司', '440300', 0, 'eligible', 100.50, 100.50, NULL),
            ('91000000000000001A', '甲公司', '440300', 1, 'ineligible', 0, NULL, NULL),
            ('91000000000000001A', '甲公司', '440300', 3, 'undeterminable', NULL, NULL, NULL),
            ('91000000000000002B', '乙_有限%公司', '440100', 0, 'ineligible', 0, 0, NULL),
            ('91000000000000002B', '乙_有限%公司', '440100', 1, 'eligible', 8, 5, 3),
            ('91000000000000002B', '乙_有限%公司', '440100', 3, 'eligible', 2000, 2000, NULL)""";

    @Test
    void bothLayoutsGiveTheSameRowsForEveryFilter() throws Exception {
        Path one = dir.resolve("run-1.parquet");
        Path two = dir.resolve("run-2.parquet");
        String values = "SELECT col0 AS uscc, col1 AS name, col2 AS region_code, CAST(col3 AS INTEGER) AS rule_no, col4 AS status, "
                + "CAST(col5 AS DECIMAL(18, 2)) AS amount, CAST(col6 AS DECIMAL(18, 2)) AS payer_amount, "
                + "CAST(col7 AS DECIMAL(18, 2)) AS payer2_amount, CAST(NULL AS DECIMAL(18, 2)) AS allocated, "
                + "CAST(NULL AS DECIMAL(18, 2)) AS shortfall, CAST(NULL AS VARCHAR) AS base_status, "
                + "CAST(NULL AS DECIMAL(18, 2)) AS base_amount FROM (VALUES " + ROWS + ")";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE r AS SELECT * FROM (VALUES (0, 'gl-1/1-1', 'CNY', '市财政局', NULL), "
                    + "(1, 'gl-1/1-2', 'hours', '区人社局', '市财政局'), (3, 'gl-1/1-''4', 'CNY', '区科技局', NULL)) "
                    + "AS t(no, rule_id, currency, payer, payer2)");
            // layout 1 as BatchResultStore wrote it before: run_id first, every column, no metadata
            s.execute("COPY (SELECT CAST(1 AS BIGINT) AS run_id, v.uscc, v.name, v.region_code, v.rule_no, r.rule_id, v.status, "
                    + "v.amount, r.currency, r.payer, v.payer_amount, r.payer2, v.payer2_amount, v.allocated, v.shortfall, "
                    + "CASE WHEN v.rule_no = 1 THEN 'ineligible' END AS base_status, v.base_amount FROM (" + values + ") v JOIN r ON r.no = v.rule_no ORDER BY v.uscc, v.rule_no) TO "
                    + BatchResultStore.literal(one) + " (FORMAT parquet, COMPRESSION zstd)");
            // layout 2: statuses as codes, no rule strings in the rows
            s.execute("COPY (SELECT * REPLACE (CAST(CASE status WHEN 'ineligible' THEN 0 WHEN 'eligible' THEN 1 ELSE 2 END "
                    + "AS TINYINT) AS status, CAST(CASE WHEN rule_no = 1 THEN 0 END AS TINYINT) AS base_status) FROM (" + values
                    + ")) TO " + BatchResultStore.literal(two) + " (FORMAT parquet, COMPRESSION zstd, "
                    + ResultFileLayout.metadataOption(RULES) + ")");
            assertThat(ResultFileLayout.read(c, one)).isNull();
            assertThat(ResultFileLayout.read(c, two)).isEqualTo(RULES);
        }
        ResultFileReader reader = new ResultFileReader("64MB");
        List<ResultFilter> filters = List.of(new ResultFilter(null, null, null), new ResultFilter("gl-1/1-'4", null, null),
                new ResultFilter("gl-1/1-2", "eligible", null), new ResultFilter(null, "ineligible", null),
                new ResultFilter(null, null, "_有限%"), new ResultFilter(null, null, "91000000000000002"),
                new ResultFilter(null, null, "4403"), new ResultFilter("gl-9/9-9", null, null));
        List<Integer> expected = List.of(6, 2, 1, 2, 3, 3, 3, 0);
        for (int i = 0; i < filters.size(); i++) {
            ResultFilter f = filters.get(i);
            BatchResults.Page old = reader.page(one, f, 1, 50);
            BatchResults.Page now = reader.page(two, f, 1, 50);
            assertThat(now.rows()).as(f.toString()).hasSize(expected.get(i)).isEqualTo(old.rows());
            assertThat(now.total()).isEqualTo(old.total()).isEqualTo((long) expected.get(i));
            List<BatchResults.Row> each = new ArrayList<>();
            reader.each(two, f, each::add);
            assertThat(each).isEqualTo(now.rows());
        }
        BatchResults.Row second = reader.page(two, new ResultFilter(null, null, null), 2, 5).rows().get(0);
        assertThat(second).isEqualTo(new BatchResults.Row("91000000000000002B", "乙_有限%公司", "440100", "gl-1/1-'4", "eligible",
                new BigDecimal("2000.00"), "CNY", "区科技局", new BigDecimal("2000.00"), null, null, null, null, null, null));
        BatchResults.Row hours = reader.page(two, new ResultFilter("gl-1/1-2", "eligible", null), 1, 50).rows().get(0);
        assertThat(hours.currency()).isEqualTo("hours");
        assertThat(hours.payer2()).isEqualTo("市财政局");
        assertThat(hours.payer2Amount()).isEqualByComparingTo("3");
        assertThat(hours.status()).isEqualTo("eligible");
        assertThat(hours.baseStatus()).isEqualTo("ineligible");
    }
}
