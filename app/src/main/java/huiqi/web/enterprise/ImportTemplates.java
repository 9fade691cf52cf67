package huiqi.web.enterprise;

import huiqi.enterprise.Uscc;
import huiqi.facts.Granularity;
import huiqi.facts.IndicatorCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The .xlsx templates linked from 数据导入, built from the indicator catalog so they never drift from what the
 * import accepts. The first sheet is the one imported (headers exactly as the import reads them, one example
 * row per indicator or one example enterprise); a second sheet 填写说明 gives each column's unit, period format
 * and the department that supplies it. An officer's template names the officer's own unit as the source, since
 * that is the only source the import accepts from a department.
 */
@Component
public class ImportTemplates {
    /** An example code that passes the check-digit test; replaced by real codes when filling in. */
    static final String EXAMPLE_USCC = Uscc.generate(new Random(19), "350102");

    private final IndicatorCatalog catalog;

    ImportTemplates(IndicatorCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * {@code reporter}: the unit a department officer reports as (its rows may name no other source), or null
     * for an administrator, whose example rows name each indicator's usual source.
     */
    public byte[] facts(String reporter) {
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> notes = new ArrayList<>();
        for (IndicatorCatalog.Indicator i : catalog.indicators()) {
            boolean ratio = i.unit() == null || i.unit().isBlank();
            rows.add(List.of(EXAMPLE_USCC, i.name(), examplePeriod(i.granularity()), ratio ? "3.2%" : "100",
                    reporter != null ? reporter : nz(i.source())));
            notes.add(List.of(i.name(), ratio ? "比率：写 3.2% 或 0.032（1 以上的裸数有歧义，不予接受）" : nz(i.unit()),
                    periodFormat(i.granularity()), nz(i.source())));
        }
        return workbook("指标数据", List.of("统一社会信用代码", "指标", "期间", "数值", "来源"), rows,
                List.of("指标", "单位（数值按此单位填写）", "期间格式", "数据来源部门"), notes);
    }

    public byte[] profiles(String reporter) {
        List<String> header = new ArrayList<>(List.of("统一社会信用代码", "企业名称", "行政区划代码", "行业代码", "企业规模", "来源"));
        List<String> example = new ArrayList<>(List.of(EXAMPLE_USCC, "示例机械制造有限公司", "350102", "C3311", "中型",
                reporter != null ? reporter : "市场监管局"));
        List<List<String>> notes = new ArrayList<>();
        notes.add(List.of("统一社会信用代码", "18 位，校验码须正确", "必填", ""));
        notes.add(List.of("行政区划代码", "6 位，如 350102", "", ""));
        notes.add(List.of("行业代码", "GB/T 4754 代码，如 C3311 或 3311", "", ""));
        notes.add(List.of("企业规模", "大型 / 中型 / 小型 / 微型", "", ""));
        for (IndicatorCatalog.Attribute a : catalog.attributes()) {
            header.add(a.name());
            example.add("");
            notes.add(List.of(a.name(), attributeFormat(a), "留空表示未知（不视为“否”）", nz(a.source())));
        }
        return workbook("企业档案", header, List.of(example), List.of("列", "填写格式", "说明", "数据来源部门"), notes);
    }

    private static String attributeFormat(IndicatorCatalog.Attribute a) {
        return switch (a.type().name()) {
            case "BOOLEAN" -> "是 / 否";
            case "DATE" -> "yyyy-mm-dd，如 2020-05-01";
            case "MONTH" -> "yyyy-mm，如 2024-01";
            default -> "数值或文字";
        };
    }

    static String examplePeriod(Granularity g) {
        return switch (g) {
            case DAY -> "2024-02-01";
            case MONTH -> "2024-02";
            case QUARTER -> "2024-Q1";
            case YEAR -> "2024";
        };
    }

    private static String periodFormat(Granularity g) {
        return switch (g) {
            case DAY -> "日：yyyy-mm-dd";
            case MONTH -> "月：yyyy-mm";
            case QUARTER -> "季度：yyyy-Qn";
            case YEAR -> "年：yyyy";
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static byte[] workbook(String name, List<String> header, List<List<String>> rows, List<String> noteHeader,
                                   List<List<String>> notes) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            fill(wb.createSheet(name), header, rows, bold);
            fill(wb.createSheet("填写说明"), noteHeader, notes, bold);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(Sheet sheet, List<String> header, List<List<String>> rows, CellStyle bold) {
        Row h = sheet.createRow(0);
        for (int c = 0; c < header.size(); c++) {
            h.createCell(c).setCellValue(header.get(c));
            h.getCell(c).setCellStyle(bold);
            sheet.setColumnWidth(c, Math.min(60, Math.max(10, header.get(c).length() * 2 + 4)) * 256);
        }
        for (int r = 0; r < rows.size(); r++) {
            Row x = sheet.createRow(r + 1);
            for (int c = 0; c < rows.get(r).size(); c++) {
                x.createCell(c).setCellValue(rows.get(r).get(c));
            }
        }
        sheet.createFreezePane(0, 1);
    }
}
