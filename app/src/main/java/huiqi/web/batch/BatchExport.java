package huiqi.web.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A run as .xlsx: 汇总 (per rule), 结果 (the filtered per-enterprise rows, streamed from PostgreSQL into a
 * streaming workbook; a new sheet every million rows) and 预算 when the run had a budget.
 */
final class BatchExport {
    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int ROWS_PER_SHEET = 1_000_000;

    private BatchExport() {
    }

    static void write(BatchRun run, List<BatchRunStore.RuleRow> rules, List<BatchRunStore.BudgetRow> budgets,
                      BatchResults results, ResultFilter filter, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500)) {
            Styles st = new Styles(wb);
            Sheet sum = wb.createSheet("汇总");
            header(sum, st, List.of("口径", "规则", "标题", "币种", "符合", "不符合", "无法判断", "金额合计", "结果变化企业"));
            int r = 1;
            for (BatchRunStore.RuleRow x : rules) {
                cells(sum.createRow(r++), st, List.of("base".equals(x.variant()) ? "基准" : "试算", x.ruleId(), x.title(),
                        nz(x.currency()), x.eligible(), x.ineligible(), x.undeterminable(), nz(x.total()), nz(x.changed())));
            }
            List<String> head = new ArrayList<>(List.of("统一社会信用代码", "企业名称", "行政区划代码", "规则", "状态", "金额", "币种",
                    "付款方", "付款方金额", "第二付款方", "第二付款方金额"));
            if (run.hasBudget()) {
                head.addAll(List.of("预算分配", "预算缺口"));
            }
            if (run.hasWhatIf()) {
                head.addAll(List.of("基准状态", "基准金额"));
            }
            Sheet[] sheet = {null};
            int[] row = {0};
            int[] sheets = {0};
            results.each(run.id(), filter, x -> {
                if (sheet[0] == null || row[0] > ROWS_PER_SHEET) {
                    sheet[0] = wb.createSheet("结果" + (++sheets[0] == 1 ? "" : sheets[0]));
                    header(sheet[0], st, head);
                    row[0] = 1;
                }
                List<Object> v = new ArrayList<>(List.of(x.uscc(), nz(x.name()), nz(x.regionCode()), x.ruleId(), x.statusLabel(),
                        nz(x.amount()), nz(x.currency()), nz(x.payer()), nz(x.payerAmount()), nz(x.payer2()), nz(x.payer2Amount())));
                if (run.hasBudget()) {
                    v.add(nz(x.allocated()));
                    v.add(nz(x.shortfall()));
                }
                if (run.hasWhatIf()) {
                    v.add(x.baseStatusLabel());
                    v.add(nz(x.baseAmount()));
                }
                cells(sheet[0].createRow(row[0]++), st, v);
            });
            if (sheet[0] == null) {
                header(wb.createSheet("结果"), st, head);
            }
            if (!budgets.isEmpty()) {
                Sheet b = wb.createSheet("预算");
                header(b, st, List.of("预算", "付款方", "规则", "预算金额", "分配办法", "申领笔数", "申领金额", "分配金额", "缺口", "足额笔数"));
                int i = 1;
                for (BatchRunStore.BudgetRow x : budgets) {
                    cells(b.createRow(i++), st, List.of(x.budgetId(), x.payer(), x.rules(), x.amount(), x.methodLabel(),
                            x.claims(), x.claimed(), x.allocated(), x.shortfall(), x.paidInFull()));
                }
            }
            wb.write(out);
            wb.dispose();
        }
    }

    private static Object nz(Object o) {
        return o == null ? "" : o;
    }

    private record Styles(CellStyle bold, CellStyle money) {
        Styles(SXSSFWorkbook wb) {
            this(wb.createCellStyle(), wb.createCellStyle());
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        }
    }

    private static void header(Sheet s, Styles st, List<String> names) {
        Row h = s.createRow(0);
        for (int i = 0; i < names.size(); i++) {
            Cell c = h.createCell(i);
            c.setCellValue(names.get(i));
            c.setCellStyle(st.bold());
        }
    }

    private static void cells(Row row, Styles st, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            Cell c = row.createCell(i);
            if (v instanceof BigDecimal d) {
                c.setCellValue(d.doubleValue()); // two decimals: exact to the fen as a double
                c.setCellStyle(st.money());
            } else if (v instanceof Number n) {
                c.setCellValue(n.doubleValue());
            } else if (v != null && !"".equals(v)) {
                c.setCellValue(v.toString());
            }
        }
    }
}
