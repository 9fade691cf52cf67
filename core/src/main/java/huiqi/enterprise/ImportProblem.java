package huiqi.enterprise;

/** One thing wrong with an import file: where (file, 1-based row with the header as row 1, column) and why. */
public record ImportProblem(String file, int row, String column, String reason) {
    @Override
    public String toString() {
        return file + " 第" + row + "行" + (column == null || column.isEmpty() ? "" : " 列「" + column + "」") + ": " + reason;
    }
}
