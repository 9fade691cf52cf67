package huiqi.web.supervision;

import huiqi.supervision.StatusRule;
import huiqi.supervision.TaskStatus;
import huiqi.supervision.TaskTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The 督查通报 as .xlsx: every task with its status on the date, a summary per unit, and how it was computed. */
final class BulletinExport {
    static final List<String> TASK_COLUMNS = List.of("序号", "文号", "措施序号", "措施", "责任单位", "单位角色",
            "量化目标", "累计完成", "开始日期", "截止日期", "期限依据", "状态", "完成进度(%)", "序时进度(%)",
            "最近报送日期", "最近进展情况", "督查意见");
    static final List<String> UNIT_COLUMNS = List.of("责任单位", "任务数", "已完成", "推进中", "未开始", "滞后", "逾期",
            "完成率(%)");

    private BulletinExport() {
    }

    static byte[] write(LocalDate date, List<TaskView> tasks, List<Tally> units, Tally total,
                        Map<Long, String> comments) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);

            Sheet s = wb.createSheet("督查通报");
            header(s.createRow(0), TASK_COLUMNS, head);
            int r = 1;
            for (TaskView v : tasks) {
                TaskRecord t = v.task();
                Row row = s.createRow(r);
                int c = 0;
                num(row, c++, BigDecimal.valueOf(r));
                text(row, c++, t.docLabel());
                num(row, c++, BigDecimal.valueOf(t.measureNumber()));
                text(row, c++, t.measureTitle());
                text(row, c++, t.unit());
                text(row, c++, t.role().label());
                text(row, c++, t.targetSummary());
                text(row, c++, achieved(t, v.latestReport()));
                text(row, c++, str(t.start()));
                text(row, c++, str(t.deadline()));
                text(row, c++, t.deadlineSource());
                text(row, c++, v.statusLabel());
                num(row, c++, v.progressPercent());
                num(row, c++, v.expectedPercent());
                text(row, c++, str(v.lastReportedOn()));
                Cell narrative = text(row, c++, v.latestReport() == null ? "" : v.latestReport().narrative());
                narrative.setCellStyle(wrap);
                text(row, c, comments.getOrDefault(t.id(), ""));
                r++;
            }
            widths(s, 6, 22, 8, 30, 22, 8, 40, 24, 12, 12, 16, 8, 12, 12, 14, 40, 30);
            s.createFreezePane(0, 1);
            s.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(0, r - 1), 0, TASK_COLUMNS.size() - 1));

            Sheet u = wb.createSheet("单位汇总");
            header(u.createRow(0), UNIT_COLUMNS, head);
            int i = 1;
            for (Tally t : units) {
                tally(u.createRow(i++), t.label(), t);
            }
            tally(u.createRow(i), "合计", total);
            widths(u, 26, 8, 8, 8, 8, 8, 8, 10);

            Sheet n = wb.createSheet("说明");
            String[] notes = {
                    "督查通报（截至 " + date + "）",
                    "状态按截至日期计算：已完成 → 逾期（过了截止日期仍未完成）→ 未开始（尚无报送且首次报送未到期）→ 滞后 → 推进中。",
                    "滞后：完成进度 < 序时进度。序时进度 = min(1, 已过天数 / 总天数)，总天数 = 开始日期到截止日期的天数；"
                            + "完成进度 = 各量化目标 累计完成/目标值（封顶 100%）中的最小值，无量化目标的按报送的完成百分比。",
                    "每 " + StatusRule.REPORTING_CYCLE_DAYS + " 天须报送一次进展，截止日期前须报送最后一次。",
                    "状态说明：" + String.join("、", Arrays.stream(TaskStatus.values()).map(TaskStatus::label).toList())};
            for (int k = 0; k < notes.length; k++) {
                n.createRow(k).createCell(0).setCellValue(notes[k]);
            }
            n.setColumnWidth(0, 120 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String achieved(TaskRecord t, ReportRecord report) {
        if (report == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (TaskTarget target : t.targets()) {
            BigDecimal v = report.achieved().get(target.index());
            if (v != null) {
                if (!sb.isEmpty()) {
                    sb.append("；");
                }
                sb.append("目标").append(target.index() + 1).append("：").append(StoredNumbers.shown(v))
                        .append(target.unit() == null ? "" : target.unit());
            }
        }
        if (report.percent() != null) {
            if (!sb.isEmpty()) {
                sb.append("；");
            }
            sb.append("进度 ").append(report.percent().stripTrailingZeros().toPlainString()).append('%');
        }
        return sb.toString();
    }

    private static void tally(Row row, String label, Tally t) {
        text(row, 0, label);
        num(row, 1, BigDecimal.valueOf(t.total()));
        num(row, 2, BigDecimal.valueOf(t.completed()));
        num(row, 3, BigDecimal.valueOf(t.inProgress()));
        num(row, 4, BigDecimal.valueOf(t.notStarted()));
        num(row, 5, BigDecimal.valueOf(t.behind()));
        num(row, 6, BigDecimal.valueOf(t.overdue()));
        num(row, 7, t.completionRate());
    }

    private static void header(Row row, List<String> names, CellStyle style) {
        for (int i = 0; i < names.size(); i++) {
            Cell c = row.createCell(i);
            c.setCellValue(names.get(i));
            c.setCellStyle(style);
        }
    }

    private static void widths(Sheet s, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            s.setColumnWidth(i, chars[i] * 256);
        }
    }

    private static Cell text(Row row, int col, String value) {
        Cell c = row.createCell(col);
        c.setCellValue(value == null ? "" : value);
        return c;
    }

    private static void num(Row row, int col, BigDecimal value) {
        Cell c = row.createCell(col);
        if (value != null) {
            c.setCellValue(value.doubleValue());
        }
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
