package huiqi.testdata;

import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.AttributeType;
import huiqi.facts.Facts;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.ItemKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Items (#17 item 1) for the differential tests: a loan-interest subsidy (per-loan dates, per-loan and per-enterprise
 * caps) and an award over a filtered subset (whose condition takes the lowest rate of the loans started within a date
 * range: min over items, an item's date in a period, none selected → undeterminable), and a population whose loans sit on every boundary: start on the
 * window's edge and a day before, exactly one year, ending a day before or after a year, caps hit, a missing field,
 * a list not given and a list declared empty. Writes profiles.csv, an empty facts.csv and items.csv (long form).
 */
public final class LoanFixture {
    public static final ItemKind LOANS = new ItemKind("loans", "贷款", "贷款编号", "贷款银行", List.of(
            new ItemKind.Field("start", "起息日", AttributeType.DATE, null),
            new ItemKind.Field("end", "到期日", AttributeType.DATE, null),
            new ItemKind.Field("balance", "贷款余额", AttributeType.NUMBER, "元"),
            new ItemKind.Field("rate", "年利率", AttributeType.NUMBER, ""),
            new ItemKind.Field("lender", "出借机构", AttributeType.TEXT, null)));
    public static final IndicatorCatalog CATALOG = new IndicatorCatalog(List.of(), List.of(), Map.of(), List.of(LOANS));

    public static final String SOURCE = "测试文件\n1. 贷款贴息。对2020年2月1日以后新发放的贷款，按贷款余额和实际利率的50%给予贴息，贴息期限不超过1年，单笔贷款贴息不超过10万元，每家企业不超过15万元；国有银行贷款另按1%给予奖励。\n";

    public static final String RULES = """
            document: 测试〔2024〕1号
            source: source.txt
            measures: 1
            rules:
              - id: test-1/1
                measure: 1
                title: 贷款贴息
                quote: 按贷款余额和实际利率的50%给予贴息
                kind: 奖补
                delivery: 免申即享
                payer: { level: 市级, department: 市财政局 }
                parameters:
                  share: { values: { 2020-02-01: 50% }, label: 贴息比例 }
                  per_loan: { values: { 2020-02-01: 10万元 }, label: 单笔贷款贴息上限 }
                amount: "sum(for l in loans where l.start >= 2020-02-01 return min(l.balance * l.rate * share * (min(l.end, l.start + 12月) - l.start) / 360天, per_loan))"
                cap: 15万元
              - id: test-1/2
                measure: 1
                title: 国有银行贷款奖励
                quote: 国有银行贷款另按1%给予奖励
                kind: 奖补
                delivery: 免申即享
                payer: { level: 市级, department: 市财政局 }
                eligible:
                  - { expr: "max(for l in loans return l.balance) >= 100万元", label: 最大一笔贷款不少于100万元 }
                  - { expr: "min(for l in loans where l.start in 2020-02-01..2020-12-31 return l.rate) <= 4.35%", label: 2020年2月起新发放贷款的最低利率不超过4.35% }
                amount: "sum(for l in loans where l.lender = \\"国有银行\\" and l.end - l.start >= 365天 return l.balance * 1% / 3)"
              - id: test-1/3
                measure: 1
                title: 已申报贷款清单的企业
                quote: 每家企业不超过15万元
                kind: 奖补
                delivery: 免申即享
                payer: { level: 市级, department: 市财政局 }
                eligible:
                  - { expr: "known(loans)", label: 已逐项申报贷款 }
                amount: "if known(loans) then 100元 else 1元"
            """;

    private LoanFixture() {
    }

    /** Writes policies/test-1 (source.txt, rules.yaml) under {@code root}; returns rules.yaml. */
    public static Path writeRules(Path root) throws IOException {
        Path policy = root.resolve("policies/test-1");
        Files.createDirectories(policy);
        Files.writeString(policy.resolve("source.txt"), SOURCE, StandardCharsets.UTF_8);
        Files.writeString(policy.resolve("rules.yaml"), RULES, StandardCharsets.UTF_8);
        return policy.resolve("rules.yaml");
    }

    /** Writes the data files of {@code n} enterprises into {@code dir}; returns the same data as records by uscc. */
    public static Map<String, EnterpriseRecord> generate(Path dir, int n, long seed) throws IOException {
        Random rnd = new Random(seed);
        LocalDate[] starts = {LocalDate.of(2020, 2, 1), LocalDate.of(2020, 1, 31), LocalDate.of(2020, 2, 29), LocalDate.of(2021, 3, 1)};
        String[] lenders = {"国有银行", "农商行"};
        Map<String, EnterpriseRecord> records = new LinkedHashMap<>();
        try (FixtureFiles out = new FixtureFiles(dir)) {
            for (int e = 0; e < n; e++) {
                String uscc = String.format("E%05d", e);
                out.profile(uscc, "企业" + e, "350102", "C3311", "小型");
                Facts facts = Facts.empty();
                int shape = e % 10;
                if (shape == 0) { // no list given
                    records.put(uscc, record(uscc, facts));
                    continue;
                }
                if (shape == 1) { // declared empty
                    out.noItems(facts, uscc, "loans");
                    records.put(uscc, record(uscc, facts));
                    continue;
                }
                int count = 1 + rnd.nextInt(4);
                for (int i = 0; i < count; i++) {
                    String id = "L" + e + "-" + i;
                    LocalDate start = starts[rnd.nextInt(starts.length)].plusDays(rnd.nextInt(3) == 0 ? rnd.nextInt(40) : 0);
                    LocalDate end = switch (rnd.nextInt(4)) {
                        case 0 -> start.plusMonths(12);
                        case 1 -> start.plusMonths(12).minusDays(1);
                        case 2 -> start.plusMonths(12).plusDays(1);
                        default -> start.plusDays(1 + rnd.nextInt(700));
                    };
                    BigDecimal balance = BigDecimal.valueOf(rnd.nextInt(rnd.nextBoolean() ? 2_000_000 : 20_000_000) + 1, rnd.nextInt(3));
                    BigDecimal rate = new BigDecimal(new String[] {"0.0365", "0.04", "0.0435", "0.05", "0.033333"}[rnd.nextInt(5)]);
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("start", start);
                    f.put("end", end);
                    f.put("balance", balance);
                    f.put("rate", rate);
                    f.put("lender", lenders[rnd.nextInt(2)]);
                    if (shape == 2 && i == 0) { // one field missing
                        f.remove(new String[] {"start", "end", "balance", "rate", "lender"}[rnd.nextInt(5)]);
                    }
                    out.item(facts, uscc, "loans", id, f);
                }
                records.put(uscc, record(uscc, facts));
            }
        }

        return records;
    }

    private static EnterpriseRecord record(String uscc, Facts facts) {
        return new EnterpriseRecord(new Enterprise(uscc, "企业", "350102", "C3311", "小型", Map.of()), facts);
    }
}
