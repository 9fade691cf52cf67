package huiqi.enterprise;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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
        } catch (UncheckedIOException e) { // commons-csv's iterator wraps a malformed record (a stray quote)
            throw new IOException(file.getFileName() + " 表头（第1行起）无法解析: " + e.getCause().getMessage(), e);
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
                    } catch (IOException | UncheckedIOException e) {
                        throw new IllegalStateException(file.getFileName() + " 第" + (number + 1) + "行附近无法解析: " + ReadFailure.describe(e), e);
                    }
                }

                public boolean hasNext() {
                    return next != null;
                }

                public Table.Row next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    Table.Row current = next;
                    next = advance();
                    return current;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Table readXlsx(Path file) throws IOException {
        List<String> header = List.of();
        List<Table.Row> rows = new ArrayList<>();
        for (Table.Row row : XlsxRows.read(file)) {
            if (header.isEmpty() && rows.isEmpty() && !row.isBlank()) {
                header = row.cells();
            } else if (!row.isBlank()) {
                rows.add(row);
            }
        }
        return new Table(file.getFileName().toString(), header, rows, null);
    }
}
