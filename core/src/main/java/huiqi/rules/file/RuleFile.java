package huiqi.rules.file;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One loaded policies/<doc-id>/rules.yaml, with the warnings found while loading it (errors fail the load). */
public record RuleFile(Path path, String docId, String document, int measures, Map<String, Parameter> parameters,
                       List<Rule> rules, List<SharedCap> caps, List<Unencoded> unencoded, List<RuleTest> tests,
                       List<RuleProblem> warnings, Map<String, RuleClass> classes) {

    public int testCount() {
        return tests.size() + rules.stream().mapToInt(r -> r.tests().size()).sum();
    }
}
