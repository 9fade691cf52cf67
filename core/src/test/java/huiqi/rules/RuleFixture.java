package huiqi.rules;

import huiqi.facts.AttributeType;
import huiqi.facts.Granularity;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a small policy folder (source.txt + rules.yaml) for loader and evaluator tests. */
final class RuleFixture {
    static final String SOURCE = """
            测试文件
            1. 用电奖励。用电量达50万千瓦时(含)以上的规上工业企业，按实际用电量给予0.02元/千瓦时的用电奖励，单家企业奖励最高不超过30万元。
            2. 第二条。对一季度用电同比增长5%及以上的企业，按增量每千瓦时奖励0.2元（扣除已获奖励部分），每家企业最高不超过50万。
            3. 第三条。省级1%、市级1.5%给予奖励。
            """;

    static final IndicatorCatalog CATALOG = new IndicatorCatalog(List.of(
            new IndicatorCatalog.Indicator("electricity_kwh", "用电量", "千瓦时", Granularity.MONTH, "供电公司"),
            new IndicatorCatalog.Indicator("output", "工业总产值", "万元", Granularity.QUARTER, "统计局"),
            new IndicatorCatalog.Indicator("gas_m3", "用气量", "方", Granularity.MONTH, "燃气公司"),
            new IndicatorCatalog.Indicator("paid_in_usd", "外方实际到资", "美元", Granularity.YEAR, "商务局")),
            List.of(new IndicatorCatalog.Attribute("above_scale_industrial", "规模以上工业企业", AttributeType.BOOLEAN, "统计局"),
                    new IndicatorCatalog.Attribute("licence_date", "许可证取得日期", AttributeType.DATE, "文旅局"),
                    new IndicatorCatalog.Attribute("stats_month", "纳统月份", AttributeType.MONTH, "统计局")));

    private RuleFixture() {
    }

    /** A rules.yaml header for the test document, followed by the given YAML text. */
    static String header(int measures) {
        return "document: 测试〔2024〕1号\nsource: source.txt\nmeasures: " + measures + "\nregion: \"3501\"\n";
    }

    static Path write(Path tmp, String yaml) throws IOException {
        return write(tmp, "test-1", yaml);
    }

    static Path write(Path tmp, String docId, String yaml) throws IOException {
        Path dir = tmp.resolve("policies/" + docId);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("source.txt"), SOURCE, StandardCharsets.UTF_8);
        Path f = dir.resolve("rules.yaml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return f;
    }

    static RuleFile load(Path tmp, String yaml) throws IOException {
        return new RuleFileLoader(CATALOG).load(write(tmp, yaml));
    }

    /** Rule 1 of the fixture with the given eligible/amount lines (already indented by 4). */
    static String rule1(String body) {
        return header(1) + """
                rules:
                  - id: test-1/1
                    measure: 1
                    title: 用电奖励
                    quote: 按实际用电量给予0.02元/千瓦时的用电奖励
                    kind: 奖补
                    delivery: 免申即享
                    payer: { level: 市级, department: 市财政局 }
                """ + body;
    }
}
