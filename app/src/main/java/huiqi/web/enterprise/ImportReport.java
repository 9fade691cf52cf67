package huiqi.web.enterprise;

import huiqi.enterprise.ImportProblem;
import huiqi.web.files.OwnedFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The problem report of a rejected import, bounded on the page: the first {@link #SHOWN} problems and how many
 * there are of each kind; the full list is an .xlsx written (streaming) under {@code ${huiqi.data-dir}/import-reports}
 * for its owner to download.
 */
@Component
class ImportReport {
    static final int SHOWN = 200;
    static final int KINDS = 30;
    static final String AREA = "import-reports";
    static final String FILE = "problems.xlsx";
    private static final int MAX_ROWS = 1_048_575;
    /** What varies between problems of one kind: quoted values, codes and numbers. */
    private static final Pattern VARYING = Pattern.compile("'[^']*'|[0-9A-Z]{18}|\\d+(\\.\\d+)?");

    private final OwnedFiles files;

    ImportReport(OwnedFiles files) {
        this.files = files;
    }

    /** Problems per kind (the reason with its particular values blanked out), most frequent first. */
    static Map<String, Long> kinds(List<ImportProblem> problems) {
        Map<String, Long> counts = problems.stream().collect(Collectors.groupingBy(
                p -> VARYING.matcher(p.reason()).replaceAll("…"), Collectors.counting()));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(KINDS).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        LinkedHashMap::new));
    }

    /** Writes every problem to an .xlsx its owner can download; returns the token. */
    String write(String owner, List<ImportProblem> problems) {
        OwnedFiles.Entry entry = files.create(AREA, owner);
        try (OutputStream out = Files.newOutputStream(entry.file(FILE))) {
            writeXlsx(problems, problems.size(), out);
        } catch (IOException e) {
            files.remove(entry);
            throw new UncheckedIOException("无法生成问题清单", e);
        }
        return entry.token();
    }

    /** The problem list as an .xlsx sheet (文件, 行, 列, 原因); {@code total} > size notes the ones not kept. */
    static void writeXlsx(List<ImportProblem> problems, int total, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("导入问题");
            row(sheet, 0, "文件", "行", "列", "原因");
            int r = 1;
            for (ImportProblem p : problems) {
                if (r == MAX_ROWS) {
                    row(sheet, r, "", "", "", "（另有 " + (total - r + 1) + " 个问题未列出：超出 .xlsx 的行数上限）");
                    r++;
                    break;
                }
                Row x = sheet.createRow(r++);
                x.createCell(0).setCellValue(cell(p.file()));
                x.createCell(1).setCellValue(p.row());
                x.createCell(2).setCellValue(cell(p.column()));
                x.createCell(3).setCellValue(cell(p.reason()));
            }
            if (total > problems.size() && r < MAX_ROWS) {
                row(sheet, r, "", "", "", "（另有 " + (total - problems.size()) + " 个问题未保存：历史记录只保留前 "
                        + problems.size() + " 个）");
            }
            wb.write(out);
            wb.dispose();
        }
    }

    Optional<Path> find(String owner, String token) {
        return files.find(AREA, owner, token).map(e -> e.file(FILE)).filter(Files::isRegularFile);
    }

    /** An .xlsx cell holds at most 32,767 characters. */
    private static String cell(String s) {
        return s == null ? "" : s.length() > 32_000 ? s.substring(0, 32_000) + "…" : s;
    }

    private static void row(Sheet sheet, int r, String... cells) {
        Row x = sheet.createRow(r);
        for (int i = 0; i < cells.length; i++) {
            x.createCell(i).setCellValue(cells[i]);
        }
    }
}
