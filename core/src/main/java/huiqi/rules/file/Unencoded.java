package huiqi.rules.file;

import java.util.List;

/** A measure not encoded as a rule, with its category and the reason (for docs/coverage.md). */
public record Unencoded(int measure, String category, String reason, String title, SourcePos pos) {
    public static final List<String> CATEGORIES = List.of("target-only", "not-encodable", "eligibility-only");
}
