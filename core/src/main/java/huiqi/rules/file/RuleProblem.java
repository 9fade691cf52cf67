package huiqi.rules.file;

/** One load error: where and what, in Chinese. */
public record RuleProblem(SourcePos pos, String message) {
    @Override
    public String toString() {
        return pos + ": " + message;
    }
}
