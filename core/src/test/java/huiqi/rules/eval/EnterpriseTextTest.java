package huiqi.rules.eval;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleLibrary;
import huiqi.rules.file.RuleTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * #17 “enterprise-facing explanations show code”: every example test of every rule in policies/ and testdata/rules is
 * evaluated, and the text an enterprise reads (explanation, near miss, missing data as listed) must not contain code —
 * rule-file names, loop syntax, over-precise 万元, ratios written as thousands of percent, a zero-to-zero near miss, full
 * months written as day ranges, or Java exception texts.
 */
class EnterpriseTextTest {
    /** A leak: its name (in Chinese, for the failure message) and the pattern that finds it. */
    private record Leak(String name, Pattern pattern) {
    }

    private static final List<Leak> LEAKS = List.of(
            // ASCII identifiers from the rule file (feb_kwh, vat_producer_services, l.balance); item keys such as L001 and
            // GB/T industry codes such as C3311 are upper-case and stay allowed
            new Leak("规则文件里的名字", Pattern.compile("(?<![A-Za-z0-9])[a-z][a-z0-9]*(?:[_.][a-z0-9]+)+")),
            new Leak("表达式代码", Pattern.compile("\\b(?:sum|min|max|avg|for|return|where|if|then|else|and|or|not|known|granted|eligible|end_of|daily_avg|yoy_growth|yoy_increase|starts_with)\\b\\s*[(\\[]?")),
            // money is 元 with two decimals; other quantities (21.4999万千瓦时) keep their exact value, so near misses add up
            new Leak("万元 多于两位小数", Pattern.compile("\\d+\\.\\d{3,}万(?:元|美元)")),
            new Leak("比率写成上千的百分数", Pattern.compile("(?<![\\d.,])\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?%|(?<![\\d.,])\\d{4,}(?:\\.\\d+)?%")),
            new Leak("距 0元 差 0元", Pattern.compile("距 0(?:\\.00)?元")),
            new Leak("整月写成日区间", Pattern.compile("\\d{4}-\\d{2}-01(?:至|\\.\\.)\\d{4}-\\d{2}-(?:28|29|30|31)")),
            new Leak("Java 异常文本", Pattern.compile("could not be parsed|Exception|java\\.|\\bnull\\b|Text '")));

    @Test
    void noExampleShowsCodeToAnEnterprise() {
        IndicatorCatalog catalog = RuleLibrary.catalog();
        Path root = IndicatorCatalog.locate(Path.of("")).getParent();
        List<RuleFile> files = new ArrayList<>(loaded(root.resolve("policies"), catalog));
        files.addAll(loaded(root.resolve("testdata/rules"), catalog));
        Evaluator evaluator = new Evaluator(catalog);
        Map<String, TreeSet<String>> found = new LinkedHashMap<>();
        int texts = 0;
        for (RuleFile f : files) {
            List<RuleTest> tests = new ArrayList<>(f.tests());
            f.rules().forEach(r -> tests.addAll(r.tests()));
            for (RuleTest t : tests) {
                for (RuleResult r : evaluator.evaluateFile(f, t.enterprise(), null, Overrides.NONE).values()) {
                    List<String> read = new ArrayList<>(r.explanation());
                    if (r.nearMiss() != null) {
                        read.add(r.nearMiss());
                    }
                    read.addAll(MissingFacts.describe(r.missing(), catalog));
                    for (String line : read) {
                        texts++;
                        for (Leak leak : LEAKS) {
                            Matcher m = leak.pattern().matcher(withoutQuotes(line));
                            if (m.find()) {
                                found.computeIfAbsent(leak.name() + "「" + m.group() + "」", k -> new TreeSet<>())
                                        .add(r.ruleId() + "：" + line);
                            }
                        }
                    }
                }
            }
        }
        assertThat(texts).isGreaterThan(1000);
        assertThat(found).as("企业读到的文字中有代码").isEmpty();
    }

    @Test
    void theDetectorsFindTheLeaksTheTrialReported() {
        List<String> reported = List.of("金额 = feb_kwh * rate", "缺少 vat_producer_services", "sum(for m in 2023-01..2023-12 return x)",
                "1.794238万元", "计息年天数 = 36000%", "省级增产增效奖励 0元，距 0元 差 0元（须超过）",
                "缺少 用电量（2024-01-01至2024-01-31）", "Text '2020-02' could not be parsed at index 7");
        assertThat(reported).allSatisfy(line -> assertThat(LEAKS).anyMatch(l -> l.pattern().matcher(line).find()));
        List<String> fine = List.of("贷款 L001：贷款余额 1,000,000.00元 × 年利率 3.6%", "✓ 行业 C3311", "金额 = 17,942.38元",
                "用电量 2024-01至2024-02 21.4999万千瓦时", "同比增长 13.33%", "缺少 用电量（2024-02-10至2024-02-17）");
        assertThat(fine).allSatisfy(line -> assertThat(LEAKS).noneMatch(l -> l.pattern().matcher(line).find()));
    }

    /** The clause quoted as the source of a parameter (依据第7条“…”) is the document's own text, not ours. */
    static String withoutQuotes(String line) {
        return line.replaceAll("“[^”]*”", "“…”");
    }

    private static List<RuleFile> loaded(Path dir, IndicatorCatalog catalog) {
        RuleLibrary.Loaded l = RuleLibrary.load(dir, catalog);
        assertThat(l.problems()).as(dir.toString()).isEmpty();
        return l.files();
    }
}
