package huiqi.web.rules.editor;

import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import huiqi.rules.file.RuleLoadException;
import huiqi.rules.file.RuleProblem;
import huiqi.rules.file.SourcePos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Loads a rule file from the editor's text with the one loader the platform uses ({@link RuleFileLoader}), so the
 * editor reports exactly what publishing would: the text is loaded as a stored version is, its quotes checked against
 * the policy's text. {@code source:} may only name source.txt: the text never chooses which file of the server is read.
 */
@Component
public class RuleTextLoader {
    static final int MAX_CHARS = 200_000;
    private static final Pattern POLICY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern SOURCE = Pattern.compile("(?m)^source:(.*)$");

    /** The loaded file (null when it has errors) and every problem, errors and warnings, in file order. */
    public record Loaded(RuleFile file, List<RuleProblem> problems) {
        public boolean ok() {
            return file != null;
        }
    }

    private final RuleFileLoader loader;

    public RuleTextLoader(IndicatorCatalog catalog) {
        this.loader = new RuleFileLoader(catalog);
    }

    public Loaded load(String policyId, String yaml, String sourceText) {
        if (!POLICY_ID.matcher(policyId).matches()) {
            throw new IllegalArgumentException("政策编号不合法：" + policyId);
        }
        if (yaml.length() > MAX_CHARS) {
            return failed("规则文件过长（超过 " + MAX_CHARS + " 个字符）", 1);
        }
        var source = SOURCE.matcher(yaml);
        while (source.find()) {
            String named = source.group(1).replaceFirst("\\s#.*$", "").strip().replaceAll("^[\"']|[\"']$", "");
            if (!named.equals("source.txt")) {
                int line = (int) yaml.substring(0, source.start()).chars().filter(c -> c == '\n').count() + 1;
                return failed("source 只能是 source.txt（平台中的政策原文）", line);
            }
        }
        try {
            RuleFile f = loader.load(Path.of(policyId, "rules.yaml"), yaml, sourceText == null ? "" : sourceText);
            return new Loaded(f, sorted(f.warnings()));
        } catch (RuleLoadException e) {
            return new Loaded(null, sorted(e.problems()));
        }
    }

    private static Loaded failed(String message, int line) {
        return new Loaded(null, List.of(new RuleProblem(new SourcePos("rules.yaml", line, 1), message)));
    }

    private static List<RuleProblem> sorted(List<RuleProblem> problems) {
        List<RuleProblem> out = new ArrayList<>(problems);
        out.sort(Comparator.comparingInt((RuleProblem p) -> p.pos().line()).thenComparingInt(p -> p.pos().column()));
        return out;
    }
}
