package huiqi.rules.file;

/**
 * A declared 同类政策 label (the {@code class} of rules that 取高不重复 groups): its name, what it covers, and
 * {@code shared}: whether the document means to share it with other documents (then `./huiqi check` does not warn).
 */
public record RuleClass(String name, String label, boolean shared, SourcePos pos) {
}
