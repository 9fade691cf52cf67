package huiqi.rules.file;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One loaded policies/<doc-id>/rules.yaml. */
public record RuleFile(Path path, String docId, String document, int measures, Map<String, Parameter> parameters,
                       List<Rule> rules, List<SharedCap> caps, List<Unencoded> unencoded, List<RuleTest> tests) {

    public int testCount() {
        return tests.size() + rules.stream().mapToInt(r -> r.tests().size()).sum();
    }
}
