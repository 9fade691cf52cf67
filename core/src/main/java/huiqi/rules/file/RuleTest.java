package huiqi.rules.file;

import huiqi.enterprise.EnterpriseRecord;
import java.util.List;

/** An example written from the clause text: one enterprise and what the rules must say about it. */
public record RuleTest(String name, EnterpriseRecord enterprise, List<Expectation> expectations, SourcePos pos) {
}
