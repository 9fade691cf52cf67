package huiqi.rules.file;

/** One load problem: where, what (in Chinese) and how bad. Printed as "file:line:column: message". */
public record RuleProblem(SourcePos pos, String message, Severity severity) {
    public RuleProblem(SourcePos pos, String message) {
        this(pos, message, Severity.ERROR);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return pos + ": " + (isError() ? "" : severity.label() + "：") + message;
    }
}
