package huiqi.rules.file;

import huiqi.facts.IndicatorCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads a policies/&lt;doc-id&gt;/rules.yaml: reads it with positions ({@link YamlDoc}), the file's settings and
 * parameters ({@link ParameterReader}), every rule ({@link RuleBuilder}, quotes by {@link QuoteVerifier}, payers,
 * caps and stacking by {@link PayoutTerms}), example tests ({@link ExampleTests}), measure coverage and dependency
 * cycles. Every independent problem is collected with file:line:column ({@link Problems}); any error fails the
 * load with a {@link RuleLoadException} that lists them all, each once.
 */
public final class RuleFileLoader {
    private static final Set<String> TOP_KEYS = Set.of("document", "source", "measures", "region", "zone", "valid", "stacking", "classes",
            "periods", "parameters", "scope", "rules", "caps", "tests", "unencoded", NewIndicators.KEY);

    private final IndicatorCatalog catalog;

    public RuleFileLoader(IndicatorCatalog catalog) {
        this.catalog = catalog;
    }

    /** Every rules.yaml under dir (recursively), sorted by path. */
    public static List<Path> findRuleFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().equals("rules.yaml")).sorted().toList();
        }
    }

    public RuleFile load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuleLoadException(new SourcePos(file.toString(), 1, 1), "无法读取规则文件：" + e.getMessage());
        }
        return load(file, text, null);
    }

    /**
     * A rule file given as text (a stored version): {@code file} names it in problems and its directory names the
     * document (policies/&lt;doc-id&gt;/rules.yaml); {@code sourceText} is the policy's text the quotes are checked
     * against (null: read source.txt next to {@code file}, as for a file on disk).
     */
    public RuleFile load(Path file, String text, String sourceText) {
        // indicators the file proposes (new_indicators:) are known to its rules and examples
        FileContext ctx = new FileContext(file, new YamlDoc(file.toString(), text), NewIndicators.extend(catalog, text));
        ctx.givenSource = sourceText;
        RuleFile loaded = ctx.problems.attempt(() -> load(ctx)).orElse(null);
        if (ctx.problems.hasErrors() || loaded == null) {
            throw new RuleLoadException(ctx.problems.list());
        }
        return loaded;
    }

    private RuleFile load(FileContext ctx) {
        YamlDoc doc = ctx.doc;
        Problems problems = ctx.problems;
        Fields fields = ctx.fields;
        Node root = doc.compose();
        Map<String, Node> top = doc.map(root, "规则文件");
        doc.requireKnownKeys(top, root, TOP_KEYS, "规则文件", problems);
        problems.run(() -> NewIndicators.check(top.get(NewIndicators.KEY), doc, catalog, problems));
        ctx.document = problems.attempt(() -> fields.required(top, root, "document", "文号")).orElse("?");
        problems.run(() -> new QuoteVerifier(ctx).readSource(top, root));
        int measures = problems.attempt(() -> fields.positiveInt(top.get("measures"), root, "measures（措施总数）")).orElse(0);
        ctx.region = problems.attempt(() -> fields.region(top.get("region"))).orElse(null);
        ctx.zone = problems.attempt(() -> fields.zone(top.get("zone"))).orElse(null);
        ValidityReader validity = new ValidityReader(doc);
        ctx.validSpec = problems.attempt(() -> validity.read(top.get("valid"))).orElse(null);
        RuleIndex rules = new RuleIndex(ctx);
        PayoutTerms payout = new PayoutTerms(ctx, rules);
        ctx.stacking = problems.attempt(() -> payout.stacking(top.get("stacking"))).orElse(Stacking.COMBINED);
        ParameterReader parameters = new ParameterReader(ctx);
        problems.run(() -> parameters.periods(top.get("periods"), ctx.periods, ctx.brokenNames));
        problems.run(() -> parameters.parameters(top.get("parameters"), ctx.docId, ctx.parameters, ctx.brokenNames));
        ctx.valid = problems.attempt(() -> validity.resolve(ctx.validSpec, Map.of(), ctx.parameters)).orElse(null);
        ctx.scope = problems.attempt(() -> DocumentScope.read(top.get("scope"), doc, problems)).orElse(Map.of());
        List<Node> ruleNodes = problems.attempt(() -> top.containsKey("rules") ? doc.list(top.get("rules"), "rules") : List.<Node>of())
                .orElseGet(() -> {
                    rules.markIncomplete();
                    return List.of();
                });
        rules.index(ruleNodes);
        rules.buildAll();
        List<SharedCap> caps = problems.attempt(() -> payout.sharedCaps(top.get("caps"))).orElse(List.of());
        MeasureCoverage coverage = new MeasureCoverage(ctx);
        List<Unencoded> unencoded = problems.attempt(() -> coverage.unencoded(top.get("unencoded"))).orElseGet(() -> {
            coverage.markIncomplete();
            return List.of();
        });
        ExampleTests examples = new ExampleTests(ctx, rules);
        List<RuleTest> docTests = problems.attempt(() -> examples.tests(top.get("tests"), null)).orElse(List.of());
        // tests of rules are read once every rule is known (they evaluate the whole file)
        List<Rule> finalRules = new ArrayList<>();
        for (Rule r : rules.built()) {
            List<RuleTest> tests = problems.attempt(() -> examples.tests(rules.fields(r.id()).get("tests"), r)).orElse(List.of());
            finalRules.add(withTests(r, tests));
        }
        coverage.check(measures, finalRules, rules.measurePositions(), unencoded, root);
        Map<String, RuleClass> classes = problems.attempt(() -> RuleClasses.read(top.get("classes"), doc, problems)).orElse(Map.of());
        RuleClasses.checkDeclared(classes, finalRules, problems);
        if (!problems.hasErrors()) {
            try {
                Dependencies.order(finalRules, caps);
            } catch (Dependencies.CycleException e) {
                problems.error(e.rule.pos(), e.getMessage());
            }
        }
        if (!problems.hasErrors()) {
            UnusedParameters.warn(problems, ctx.parameters, finalRules, caps);
        }
        return new RuleFile(ctx.path, ctx.docId, ctx.document, measures, Map.copyOf(ctx.parameters), List.copyOf(finalRules),
                caps, unencoded, docTests, problems.list(), Map.copyOf(classes));
    }

    private static Rule withTests(Rule r, List<RuleTest> tests) {
        return new Rule(r.id(), r.docId(), r.document(), r.measure(), r.title(), r.quote(), r.kind(), r.delivery(), r.payers(),
                r.region(), r.zone(), r.valid(), r.ruleClass(), r.stacking(), r.parameters(), r.lets(), r.conditions(), r.amount(),
                r.amountText(), r.cap(), r.capText(), r.deducts(), tests, r.pos(), r.itemPayer());
    }
}
