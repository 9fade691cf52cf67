package huiqi.rules.file;

import huiqi.rules.Status;
import java.math.BigDecimal;
import java.util.List;

/** What a test expects of one rule; null fields are not checked. */
public record Expectation(String ruleId, Status status, BigDecimal amount, List<String> missing, String nearMiss,
                          SourcePos pos) {
}
