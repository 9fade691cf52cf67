package huiqi.enterprise;

import java.nio.charset.Charset;
import java.util.List;

/**
 * A spreadsheet-like file read into strings: its header and its data rows, each with its 1-based row number
 * in the file (the header is row 1). {@code encoding} is the detected character set of a CSV file, or null.
 * The rows of a CSV file are streamed from disk on each iteration, so a large file is never held as text.
 */
public record Table(String file, List<String> header, Iterable<Row> rows, Charset encoding) {

    public record Row(int number, List<String> cells) {
        /** The trimmed cell, "" when the row is shorter than the header. */
        public String cell(int column) {
            return column < cells.size() && cells.get(column) != null ? cells.get(column).trim() : "";
        }

        boolean isBlank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }
}
