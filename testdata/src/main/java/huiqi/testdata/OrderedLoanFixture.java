package huiqi.testdata;

import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.AttributeType;
import huiqi.facts.Facts;
import huiqi.facts.Granularity;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.ItemKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Ordered item loops (#17, 萧经信发〔2023〕13号): the new loans of a year are the last ones drawn until their amounts cover
 * the increase of the year-end balance, the oldest of them pro rata. The population hits every boundary: increase equal
 * to the last loan, to the last two, between them, zero, negative, above every loan; two loans drawn the same day; a
 * missing interest on an early or a late loan, a missing amount, a missing date; the cap exactly hit and just passed; a
 * list not given, one declared empty. Writes profiles.csv, facts.csv and items.csv.
 */
public final class OrderedLoanFixture {
    public static final ItemKind LOANS = new ItemKind("loans", "贷款", "贷款编号", "贷款银行", List.of(
            new ItemKind.Field("start", "起息日", AttributeType.DATE, null),
            new ItemKind.Field("end", "到期日", AttributeType.DATE, null),
            new ItemKind.Field("amount", "贷款金额", AttributeType.NUMBER, "元"),
            new ItemKind.Field("interest_paid", "申报年度实际支付利息", AttributeType.NUMBER, "元")));
    public static final IndicatorCatalog CATALOG = new IndicatorCatalog(List.of(
            new IndicatorCatalog.Indicator("bank_loan_balance", "银行贷款余额", "元", Granularity.MONTH, "人民银行").asStock()),
            List.of(), Map.of(), List.of(LOANS));

    public static final String SOURCE = "测试文件\n1. 贷款贴息。按全年新增量贷款实际支付利息的8%给予贴息，单个企业贴息资助最高不超过10万元。新增量贷款数按照贷款入账时间，以最后一笔(或几笔)金额确认并按对应的利息进行资助。\n";

    public static final String RULES = """
            document: 测试〔2024〕2号
            source: source.txt
            measures: 1
            rules:
              - id: test-2/1
                measure: 1
                title: 新增量贷款贴息
                quote: 按全年新增量贷款实际支付利息的8%给予贴息
                kind: 奖补
                delivery: 免申即享
                payer: { level: 区级, department: 区财政局 }
                parameters:
                  share: { values: { 2023-01-01: 8% }, label: 贴息比例 }
                let:
                  increase: { expr: "bank_loan_balance[2022-12] - bank_loan_balance[2021-12]", label: 2022年新增量贷款 }
                eligible:
                  - { expr: "increase > 0元", label: 2022年有新增量贷款 }
                amount: "share * sum(for l in loans order by l.start desc where l.start <= 2022-12-31 and l.end > 2022-12-31 return if sum_before(l.amount) >= increase then 0元 else if sum_before(l.amount) + l.amount <= increase then l.interest_paid else (increase - sum_before(l.amount)) / l.amount * l.interest_paid)"
                cap: 10万元
              - id: test-2/2
                measure: 1
                title: 按金额从小到大累计
                quote: 以最后一笔(或几笔)金额确认
                kind: 奖补
                delivery: 免申即享
                payer: { level: 区级, department: 区财政局 }
                amount: "sum(for l in loans order by l.amount return if sum_before(l.amount / 3) < 500万元 then l.amount / 3 * 1% else 0元)"
              - id: test-2/3
                measure: 1
                title: 最早一笔之后的最小利息
                quote: 按对应的利息进行资助
                kind: 奖补
                delivery: 免申即享
                payer: { level: 区级, department: 区财政局 }
                amount: "min(for l in loans order by l.start where l.amount > 0元 return l.interest_paid + sum_before(l.interest_paid) / 100)"
            """;

    private OrderedLoanFixture() {
    }

    /** Writes policies/test-2 (source.txt, rules.yaml) under {@code root}; returns rules.yaml. */
    public static Path writeRules(Path root) throws IOException {
        Path policy = root.resolve("policies/test-2");
        Files.createDirectories(policy);
        Files.writeString(policy.resolve("source.txt"), SOURCE, StandardCharsets.UTF_8);
        Files.writeString(policy.resolve("rules.yaml"), RULES, StandardCharsets.UTF_8);
        return policy.resolve("rules.yaml");
    }

    private record Loan(String id, LocalDate start, LocalDate end, BigDecimal amount, BigDecimal interest) { }

    /** Writes the data files of {@code n} enterprises into {@code dir}; returns the same data as records by uscc. */
    public static Map<String, EnterpriseRecord> generate(Path dir, int n, long seed) throws IOException {
        Random rnd = new Random(seed);
        Map<String, EnterpriseRecord> records = new LinkedHashMap<>();
        try (FixtureFiles out = new FixtureFiles(dir)) {
            for (int e = 0; e < n; e++) {
                String uscc = String.format("X%05d", e);
                out.profile(uscc, "企业" + e, "330109", "C3311", "小型");
                Facts facts = Facts.empty();
                int shape = e % 16;
                List<Loan> loans = new ArrayList<>();
                int count = 1 + rnd.nextInt(4);
                LocalDate day = LocalDate.of(2021, 3, 1).plusDays(rnd.nextInt(60));
                for (int i = 0; i < count; i++) {
                    day = day.plusDays(shape == 5 && i == count - 1 ? 0 : 20 + rnd.nextInt(200)); // shape 5: the last two the same day
                    LocalDate end = rnd.nextInt(8) == 0 ? LocalDate.of(2022, 12, 31) : day.plusMonths(12 + rnd.nextInt(30));
                    BigDecimal amount = BigDecimal.valueOf(100_000L * (1 + rnd.nextInt(60)) + (rnd.nextBoolean() ? 0 : rnd.nextInt(100_000)), rnd.nextInt(3));
                    BigDecimal interest = BigDecimal.valueOf(rnd.nextInt(300_000_00) + 1, 2);
                    // ids not in date order, so the order comes from the dates and only ties from the ids
                    loans.add(new Loan("L" + (char) ('D' - i) + e, day, end, amount, interest));
                }
                List<Loan> newest = loans.stream().filter(l -> l.end().isAfter(LocalDate.of(2022, 12, 31)))
                        .sorted((a, b) -> b.start().compareTo(a.start()) != 0 ? b.start().compareTo(a.start()) : b.id().compareTo(a.id())).toList();
                BigDecimal last = newest.isEmpty() ? BigDecimal.valueOf(500_000) : newest.get(0).amount();
                BigDecimal lastTwo = newest.size() < 2 ? last : last.add(newest.get(1).amount());
                BigDecimal increase = switch (shape) {
                    case 2 -> last;                                          // exactly the last loan
                    case 3 -> lastTwo;                                       // exactly the last two
                    case 4 -> last.add(lastTwo).divide(BigDecimal.valueOf(2)); // between: the second-last in part
                    case 6 -> BigDecimal.ZERO;
                    case 7 -> BigDecimal.valueOf(-300_000);
                    case 8 -> BigDecimal.valueOf(900_000_000);                // more than every loan
                    case 9 -> last.subtract(new BigDecimal("0.01"));          // a fen short of the last loan
                    default -> BigDecimal.valueOf(rnd.nextInt(8_000_000) + 1, rnd.nextInt(3));
                };
                if (shape == 12 && !newest.isEmpty()) { // cap exactly hit (8% × 1,250,000.00 = 100,000.00) or passed by a fen of interest
                    Loan l = newest.get(0);
                    loans.set(loans.indexOf(l), new Loan(l.id(), l.start(), l.end(), l.amount(), new BigDecimal(rnd.nextBoolean() ? "1250000.00" : "1250000.13")));
                    increase = l.amount();
                }
                BigDecimal opening = BigDecimal.valueOf(rnd.nextInt(50_000_000));
                if (shape != 13) { // 13: the balances are not known
                    out.fact(facts, uscc, "bank_loan_balance", "2021-12", opening);
                    out.fact(facts, uscc, "bank_loan_balance", "2022-12", opening.add(increase));
                }
                if (shape == 0) { // no list given
                    records.put(uscc, record(uscc, facts));
                    continue;
                }
                if (shape == 1) { // declared empty
                    out.noItems(facts, uscc, "loans");
                    records.put(uscc, record(uscc, facts));
                    continue;
                }
                for (int i = 0; i < loans.size(); i++) {
                    Loan l = loans.get(i);
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("start", l.start());
                    f.put("end", l.end());
                    f.put("amount", l.amount());
                    f.put("interest_paid", l.interest());
                    if (shape == 10 && i == 0) {
                        f.remove("interest_paid"); // the oldest loan: read only when the newer ones do not cover the increase
                    } else if (shape == 11 && i == loans.size() - 1) {
                        f.remove("interest_paid"); // the newest loan: always read
                    } else if (shape == 14 && i == loans.size() / 2) {
                        f.remove("amount"); // this loan and every later one in the order are undeterminable
                    } else if (shape == 15 && i == 0) {
                        f.remove("start"); // the order cannot be established
                    }
                    out.item(facts, uscc, "loans", l.id(), f);
                }
                records.put(uscc, record(uscc, facts));
            }
        }
        return records;
    }

    private static EnterpriseRecord record(String uscc, Facts facts) {
        return new EnterpriseRecord(new Enterprise(uscc, "企业", "330109", "C3311", "小型", Map.of()), facts);
    }
}
