package huiqi.facts;

/** Where a value came from: the reporting department, the file and the row (1-based, header = 1). */
public record Provenance(String source, String file, Integer row) {
    public static Provenance of(String source) {
        return new Provenance(source, null, null);
    }

    @Override
    public String toString() {
        return source + (file == null ? "" : " " + file + (row == null ? "" : ":" + row));
    }
}
