package huiqi.rules.file;

/** A position in a rule file, 1-based line and column (columns count characters). */
public record SourcePos(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
