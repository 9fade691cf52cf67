package huiqi.batch.duck;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writes a query's rows to a file chosen by extension: .csv / .parquet by DuckDB COPY, .xlsx by POI SXSSF. */
final class ResultWriter {
    /** Data rows per sheet (Excel's limit is 1,048,576 rows including the header). */
    static final int ROWS_PER_SHEET = 1_000_000;

    private ResultWriter() {
    }

    static void write(Connection c, String query, Path out) throws SQLException, IOException {
        String name = out.getFileName().toString().toLowerCase();
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        String path = "'" + out.toAbsolutePath().toString().replace("'", "''") + "'";
        if (name.endsWith(".csv")) {
            copy(c, "COPY (" + query + ") TO " + path + " (FORMAT csv, HEADER true)");
        } else if (name.endsWith(".parquet")) {
            copy(c, "COPY (" + query + ") TO " + path + " (FORMAT parquet)");
        } else if (name.endsWith(".xlsx")) {
            xlsx(c, query, out);
        } else {
            throw new IllegalArgumentException("输出文件应为 .csv、.parquet 或 .xlsx：" + out);
        }
    }

    private static void copy(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void xlsx(Connection c, String query, Path out) throws SQLException, IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            Sheet sheet = null;
            int row = 0;
            int sheets = 0;
            while (rs.next()) {
                if (sheet == null || row > ROWS_PER_SHEET) {
                    sheet = wb.createSheet("结果" + (++sheets));
                    Row h = sheet.createRow(0);
                    for (int i = 1; i <= n; i++) {
                        h.createCell(i - 1).setCellValue(md.getColumnLabel(i));
                    }
                    row = 1;
                }
                Row r = sheet.createRow(row++);
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    if (v instanceof BigDecimal d) {
                        r.createCell(i - 1).setCellValue(d.doubleValue()); // 2 decimals: exact as a double to the fen
                    } else if (v != null) {
                        r.createCell(i - 1).setCellValue(v.toString());
                    }
                }
            }
            if (sheet == null) {
                Row h = wb.createSheet("结果1").createRow(0);
                for (int i = 1; i <= n; i++) {
                    h.createCell(i - 1).setCellValue(md.getColumnLabel(i));
                }
            }
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
            wb.dispose();
        }
    }
}
