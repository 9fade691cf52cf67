package huiqi.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Evaluation;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.file.Let;
import huiqi.rules.file.Parameter;
import huiqi.rules.file.Rule;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an enterprise reads: every explanation line and near miss of every shipped rule, over a generated
 * population and every boundary scenario, is free of code (ids of indicators, attributes, parameters,
 * intermediate values and rules), shows money with at most two decimals, and never a near miss "距 0元".
 */
class ExplanationsReadAsChineseTest {
    private static final Pattern WORD = Pattern.compile("(?<![A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_./-]*");
    private static final Pattern RAW_MONEY = Pattern.compile("\\d\\.\\d{3,}(万)?(元|美元)(?![/·])");
    private static final int POPULATION = 1500;

    @ParameterizedTest
    @ValueSource(strings = {"policies", "policies-staging"})
    void everyLineReadsAsChinese(String dir) throws IOException {
        Path catalogFile = IndicatorCatalog.locate(Path.of(""));
        IndicatorCatalog catalog = IndicatorCatalog.load(catalogFile);
        RuleLibrary.Loaded loaded = RuleLibrary.load(catalogFile.getParent().resolve(dir), catalog);
        assertThat(loaded.problems()).isEmpty();
        List<RuleFile> files = loaded.files();
        Set<String> code = identifiers(files, catalog);

        PopulationGenerator g = new PopulationGenerator(2024, catalog, new DocumentedBoundaries());
        Evaluator evaluator = new Evaluator(catalog);
        List<String> wrong = new ArrayList<>();
        Set<String> kinds = new HashSet<>();
        int lines = 0;
        int records = POPULATION + g.scenarios().size();
        // the generator populates no region of a staged document (萧山、黄石 …): its enterprises are read as they are
        // (outside the region) and once more re-registered in each region a staged rule names
        Set<String> stagedRegions = new java.util.TreeSet<>();
        if (!dir.equals("policies")) {
            files.forEach(f -> f.rules().stream().map(Rule::region).filter(java.util.Objects::nonNull)
                    .forEach(stagedRegions::add));
        }
        for (int i = 0; i < records; i++) {
            EnterpriseRecord generated = g.record(i);
            List<EnterpriseRecord> variants = new ArrayList<>(List.of(generated));
            stagedRegions.forEach(region -> variants.add(relocated(generated, region)));
            for (EnterpriseRecord e : variants) {
                Evaluation ev = evaluator.evaluate(files, e, null, Overrides.NONE);
                for (RuleResult r : ev.results()) {
                    List<String> read = new ArrayList<>(r.explanation());
                    if (r.nearMiss() != null) {
                        read.add(r.nearMiss());
                    }
                    kinds.add(r.status().json());
                    for (String line : read) {
                        lines++;
                        String problem = problem(line, code);
                        if (problem != null && wrong.size() < 20) {
                            wrong.add(r.ruleId() + " 「" + line + "」：" + problem);
                        }
                    }
                }
            }
        }
        assertThat(wrong).as("explanation lines an enterprise would read as code").isEmpty();
        if (files.stream().allMatch(f -> f.rules().isEmpty())) {
            // policies-staging/ stages no document since xs-2023-13 moved to policies/
            assertThat(dir).isEqualTo("policies-staging");
            assertThat(lines).as("explanation lines rendered").isZero();
            return;
        }
        assertThat(lines).as("explanation lines rendered").isGreaterThan(records);
        assertThat(kinds).as("statuses met").contains("ineligible", "undeterminable");
        if (dir.equals("policies")) { // the staged documents are for regions the generator does not populate
            assertThat(kinds).as("statuses met").contains("eligible");
        }
    }

    private static EnterpriseRecord relocated(EnterpriseRecord r, String region) {
        Enterprise p = r.profile();
        return new EnterpriseRecord(new Enterprise(p.uscc(), p.name(), region, p.industryCode(), p.size(), p.attributes()), r.facts());
    }

    private static String problem(String line, Set<String> code) {
        Matcher w = WORD.matcher(line);
        while (w.find()) {
            String token = w.group();
            if (code.contains(token) || code.contains(token.replaceAll("[./-]+$", ""))) {
                return "含代码 " + token;
            }
        }
        Matcher m = RAW_MONEY.matcher(line);
        if (m.find()) {
            return "金额超过两位小数 " + m.group();
        }
        if (line.matches(".*距 0(\\.00)?(元|美元).*")) {
            return "无意义的近似命中";
        }
        if (line.contains("null") || line.contains("..")) {
            return "含 null 或期间代码写法";
        }
        return null;
    }

    /** Names of the catalog and of the rule files that only code uses. */
    private static Set<String> identifiers(List<RuleFile> files, IndicatorCatalog catalog) {
        Set<String> out = new LinkedHashSet<>();
        catalog.indicators().forEach(i -> out.add(i.id()));
        catalog.attributes().forEach(a -> out.add(a.id()));
        out.addAll(List.of("region", "industry", "size"));
        for (RuleFile f : files) {
            f.parameters().values().forEach(p -> addParameter(out, p));
            for (Rule r : f.rules()) {
                out.add(r.id());
                r.parameters().values().forEach(p -> addParameter(out, p));
                r.lets().stream().map(Let::name).forEach(out::add);
            }
        }
        return out;
    }

    private static void addParameter(Set<String> out, Parameter p) {
        out.add(p.name());
        out.add(p.qualifiedName());
    }
}
