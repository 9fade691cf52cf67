package huiqi.enterprise;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads a .csv (UTF-8, UTF-8 with BOM or GBK) or the first sheet of an .xlsx file into a {@link Table}. */
public final class TableReader {
    private TableReader() {
    }

    public static Table read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return readXlsx(file);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return readCsv(file);
        }
        throw new IOException("不支持的文件类型: " + file.getFileName() + "（应为 .csv 或 .xlsx）");
    }

    static Table readCsv(Path file) throws IOException {
        Charset cs = CsvEncoding.detect(file);
        List<String> header;
        try (Reader r = CsvEncoding.open(file, cs); CSVParser parser = CSVParser.parse(r, CSV)) {
            Iterator<CSVRecord> it = parser.iterator();
            header = it.hasNext() ? it.next().toList() : List.of();
        }
        return new Table(file.getFileName().toString(), header, () -> csvRows(file, cs), cs);
    }

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    /** Data rows of a CSV file, read lazily; blank rows are skipped but still counted. */
    private static Iterator<Table.Row> csvRows(Path file, Charset cs) {
        try {
            Reader r = CsvEncoding.open(file, cs);
            CSVParser parser = CSVParser.parse(r, CSV);
            Iterator<CSVRecord> records = parser.iterator();
            if (records.hasNext()) {
                records.next(); // header
            }
            return new Iterator<>() {
                int number = 1;
                Table.Row next = advance();

                private Table.Row advance() {
                    try {
                        while (records.hasNext()) {
                            CSVRecord rec = records.next();
                            number++;
                            Table.Row row = new Table.Row(number, rec.toList());
                            if (!row.isBlank()) {
                                return row;
                            }
                        }
                        parser.close();
                        return null;
                    } catch (IOException | java.io.UncheckedIOException e) {
                        throw new IllegalStateException(file.getFileName() + " 第" + (number + 1) + "行附近无法解析: " + e.getMessage(), e);
                    }
                }

                public boolean hasNext() {
                    return next != null;
                }

                public Table.Row next() {
                    if (next == null) {
                        throw new java.util.NoSuchElementException();
                    }
                    Table.Row current = next;
                    next = advance();
                    return current;
                }
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Table readXlsx(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            List<String> header = List.of();
            List<Table.Row> rows = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    cells.add(text(row.getCell(c)));
                }
                int number = row.getRowNum() + 1;
                if (header.isEmpty() && number == firstRow(sheet)) {
                    header = cells;
                } else {
                    addIfNotBlank(rows, new Table.Row(number, cells));
                }
            }
            return new Table(file.getFileName().toString(), header, rows, null);
        } catch (org.apache.poi.UnsupportedFileFormatException | org.apache.poi.ooxml.POIXMLException e) {
            throw new IOException(file.getFileName() + " 不是有效的 .xlsx 文件: " + e.getMessage(), e);
        }
    }

    private static int firstRow(Sheet sheet) {
        return sheet.getFirstRowNum() + 1;
    }

    private static void addIfNotBlank(List<Table.Row> rows, Table.Row row) {
        if (!row.isBlank()) {
            rows.add(row);
        }
    }

    /** A cell as the text a CSV export would hold: numbers without float noise, dates as ISO dates. */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE)
                    : NumberToTextConverter.toText(cell.getNumericCellValue());
            default -> "";
        };
    }
}
