package huiqi.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .xlsx cells read by the streaming reader as a CSV export would hold them. */
class XlsxRowsTest {
    @TempDir
    Path dir;

    @Test
    void typedCellsReadAsTheirText() throws IOException {
        Path f = dir.resolve("typed.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            Sheet s = wb.createSheet("数据");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            Row h = s.createRow(0);
            h.createCell(0).setCellValue("统一社会信用代码");
            h.createCell(1).setCellValue("数值");
            h.createCell(2).setCellValue("日期");
            h.createCell(3).setCellValue("公式");
            Row r = s.createRow(1);
            r.createCell(0).setCellValue("91350100M000100Y43");
            r.createCell(1).setCellValue(0.1 + 0.2); // float noise must not show
            r.createCell(2).setCellValue(LocalDate.of(2024, 2, 29));
            r.getCell(2).setCellStyle(date);
            r.createCell(3).setCellFormula("B2*10");
            s.createRow(2); // a blank row is skipped
            Row gap = s.createRow(4); // row 5, with an empty middle column
            gap.createCell(0).setCellValue("x");
            gap.createCell(3).setCellValue(1500000);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
        }
        Table t = TableReader.read(f);
        assertThat(t.header()).containsExactly("统一社会信用代码", "数值", "日期", "公式");
        List<Table.Row> rows = new ArrayList<>();
        t.rows().forEach(rows::add);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).number()).isEqualTo(2);
        assertThat(rows.get(0).cells()).containsExactly("91350100M000100Y43", "0.3", "2024-02-29", "3");
        assertThat(rows.get(1).number()).isEqualTo(5);
        assertThat(rows.get(1).cells()).containsExactly("x", "", "", "1500000");
    }

    @Test
    void aLargeSheetStreams() throws IOException {
        Path f = dir.resolve("large.xlsx");
        int n = 100_000;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(f)) {
            Sheet s = wb.createSheet("数据");
            Row h = s.createRow(0);
            h.createCell(0).setCellValue("期间");
            h.createCell(1).setCellValue("电量");
            for (int i = 1; i <= n; i++) {
                Row r = s.createRow(i);
                r.createCell(0).setCellValue("2024-02");
                r.createCell(1).setCellValue(i * 1.5);
            }
            wb.write(out);
        }
        Table t = TableReader.read(f);
        long count = 0;
        String last = null;
        for (Table.Row row : t.rows()) {
            count++;
            last = row.cell(1);
        }
        assertThat(count).isEqualTo(n);
        assertThat(last).isEqualTo("150000");
    }

    @Test
    void notAnXlsxIsAClearError() throws IOException {
        Path f = Files.writeString(dir.resolve("fake.xlsx"), "统一社会信用代码,名称\n");
        assertThatThrownBy(() -> TableReader.read(f)).isInstanceOf(IOException.class)
                .hasMessageContaining("fake.xlsx 不是有效的 .xlsx 文件");
    }
}
