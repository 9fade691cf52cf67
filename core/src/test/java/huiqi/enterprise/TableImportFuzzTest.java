package huiqi.enterprise;

import com.code_intelligence.jazzer.junit.FuzzTest;
import huiqi.facts.IndicatorCatalog;
import huiqi.fuzzing.Fuzzing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Fuzz targets of the CSV/XLSX import (issue #15): any bytes as a .csv, as an .xlsx, and as the sheet XML inside
 * an otherwise valid .xlsx, imported together with a valid profile file into an empty in-memory store.
 * Documented behaviour: {@link TableReader#read} gives a table or an {@link IOException}, and reading its rows may
 * stop with an {@link IllegalStateException} naming the row ("第N行附近无法解析"); the import stores everything
 * or throws {@link ImportRejectedException} with every problem and leaves the store untouched.
 */
class TableImportFuzzTest {
    private static final IndicatorCatalog CATALOG = ImportFixtures.CATALOG;
    private static final String A = Uscc.generate(new SplittableRandom(1), "350102");
    private static final Path DIR = scratchDir();
    private static final Path PROFILES = DIR.resolve("档案.csv");
    private static final Map<String, byte[]> XLSX_PARTS = templateXlsx();
    private static final String SHEET = "xl/worksheets/sheet1.xml";

    @FuzzTest(maxExecutions = Fuzzing.INPUTS, maxDuration = Fuzzing.MAX_DURATION)
    void csv(byte[] input) throws Exception {
        importBytes(input, "导入.csv");
    }

    @FuzzTest(maxExecutions = Fuzzing.INPUTS, maxDuration = Fuzzing.MAX_DURATION)
    void xlsx(byte[] input) throws Exception {
        importBytes(input, "导入.xlsx");
    }

    /** The sheet of a valid workbook replaced by the input: reaches the cell parsing that random ZIP bytes rarely do. */
    @FuzzTest(maxExecutions = Fuzzing.INPUTS, maxDuration = Fuzzing.MAX_DURATION)
    void xlsxSheet(byte[] input) throws Exception {
        Map<String, byte[]> parts = new LinkedHashMap<>(XLSX_PARTS);
        parts.put(SHEET, input);
        importBytes(zip(parts), "导入.xlsx");
    }

    private static void importBytes(byte[] content, String name) throws Exception {
        Path file = DIR.resolve(name);
        Files.write(file, content);
        Fuzzing.withinTime("TableReader/EnterpriseImporter", () -> {
            readWholeTable(file);
            InMemoryEnterpriseStore store = new InMemoryEnterpriseStore();
            try {
                ImportResult result = new EnterpriseImporter(CATALOG, store).importFiles(List.of(PROFILES, file));
                if (store.usccs().size() < 1 || result.profiles() < 1) {
                    throw new AssertionError("an accepted import stored nothing: " + result);
                }
            } catch (ImportRejectedException e) {
                Fuzzing.requireMessage(e);
                if (e.problems().isEmpty() || !store.usccs().isEmpty()) {
                    throw new AssertionError("a rejection must list problems and store nothing", e);
                }
                for (ImportProblem p : e.problems()) {
                    // "无法读取: null" is what the importer says when an exception without a message reached it
                    if (p.reason() == null || p.reason().isBlank() || p.reason().endsWith("无法读取: null")) {
                        throw new AssertionError("a problem without a reason: " + p, e);
                    }
                }
            }
        });
    }

    private static void readWholeTable(Path file) {
        Table table;
        try {
            table = TableReader.read(file);
        } catch (IOException e) {
            Fuzzing.requireMessage(e);
            return;
        }
        try {
            for (Table.Row row : table.rows()) {
                row.cells().forEach(c -> c.length());
            }
        } catch (IllegalStateException e) {
            if (e.getMessage() == null || !e.getMessage().contains("无法解析")) {
                throw e;
            }
        }
    }

    private static Path scratchDir() {
        try {
            Path dir = Fuzzing.scratchDirectory("huiqi-fuzz-import");
            Path profiles = dir.resolve("档案.csv");
            Files.writeString(profiles, "uscc,name,region_code,industry_code,size,source\n"
                    + A + ",福州鼓楼精密机械有限公司,350102,C3311,中型,市统计局\n", StandardCharsets.UTF_8);
            profiles.toFile().deleteOnExit();
            for (String n : List.of("导入.csv", "导入.xlsx")) {
                dir.resolve(n).toFile().deleteOnExit();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parts of a small fact workbook written by POI (header and one row of text cells). */
    private static Map<String, byte[]> templateXlsx() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("数据");
            String[][] rows = {{"uscc", "indicator", "period", "value", "source"}, {A, "electricity_kwh", "2024-01", "612000", "供电公司"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            Map<String, byte[]> parts = new LinkedHashMap<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    parts.put(e.getName(), in.readAllBytes());
                }
            }
            return parts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(Map<String, byte[]> parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : parts.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
