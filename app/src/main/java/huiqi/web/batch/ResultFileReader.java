package huiqi.web.batch;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads a run's Parquet file with an in-memory DuckDB of its own per request (one thread, a small memory limit:
 * the web must stay responsive while a batch runs). The file is written in the table's order (uscc, rule_no), and
 * one thread reads it in that order, so a page is the filtered rows from an offset on: no sort of the whole run.
 * Either layout of the file reads ({@link ResultFileLayout}).
 */
@Component
class ResultFileReader {
    private final String memoryLimit;

    ResultFileReader(@Value("${huiqi.batch.results-memory-limit:256MB}") String memoryLimit) {
        if (!memoryLimit.matches("[0-9]+\\s*[KMGT]?i?B")) {
            throw new IllegalArgumentException("huiqi.batch.results-memory-limit 应形如 256MB，实为 " + memoryLimit);
        }
        this.memoryLimit = memoryLimit;
    }

    BatchResults.Page page(Path file, ResultFilter f, int page, int size) {
        List<Object> params = new ArrayList<>();
        try (Connection c = open()) {
            String from = ResultFileLayout.from(file, ResultFileLayout.read(c, file), f, params);
            long total;
            try (PreparedStatement ps = prepare(c, "SELECT count(*)" + from, params); ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            int p = (int) Math.max(1, Math.min(page, (total + size - 1) / size));
            List<Object> withPage = new ArrayList<>(params);
            withPage.add(size);
            withPage.add((long) (p - 1) * size);
            List<BatchResults.Row> rows = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, "SELECT *" + from + " LIMIT ? OFFSET ?", withPage);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(BatchResults.row(rs));
                }
            }
            return new BatchResults.Page(rows, total, p, size);
        } catch (SQLException e) {
            throw new IllegalStateException("读取批量结果失败：" + e.getMessage(), e);
        }
    }

    void each(Path file, ResultFilter f, Consumer<BatchResults.Row> sink) {
        List<Object> params = new ArrayList<>();
        try (Connection c = open()) {
            String sql = "SELECT *" + ResultFileLayout.from(file, ResultFileLayout.read(c, file), f, params);
            try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(BatchResults.row(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("读取批量结果失败：" + e.getMessage(), e);
        }
    }

    private Connection open() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = c.createStatement()) {
            s.execute("SET threads = 1");
            s.execute("SET memory_limit = '" + memoryLimit + "'");
            s.execute("SET preserve_insertion_order = true");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }
}
