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
import java.util.Map;
import java.util.Random;

/**
 * Per-item payer and month counting (#17) for the differential tests: a rent relief per lease borne by each lease's
 * lessor (黄国资产权〔2023〕5号 第五条: a lease of a year or more → one month's rent, a shorter one → 1/12 of the rent for each
 * month in 2023) and a sum of {@code months(start, end)} over every lease. The population puts leases on every boundary:
 * two leases of the same lessor, two lessors, exactly 12 months and 12 months less a day, month ends (01-31, 02-28/29),
 * an end before the start, leases outside 2023, a lease missing its rent or its lessor, a list not given and one declared
 * empty. Writes profiles.csv, an empty facts.csv and items.csv (long form).
 */
public final class LeaseFixture {
    public static final ItemKind LEASES = new ItemKind("leases", "租赁合同", "租赁合同编号", "出租方", java.util.List.of(
            new ItemKind.Field("lessor", "出租方", AttributeType.TEXT, null),
            new ItemKind.Field("city_invested_lessor", "出租方为市出资企业", AttributeType.BOOLEAN, null),
            new ItemKind.Field("start", "起租日", AttributeType.DATE, null),
            new ItemKind.Field("end", "租期届满日", AttributeType.DATE, null),
            new ItemKind.Field("monthly_rent", "月租金", AttributeType.NUMBER, "元")));
    public static final IndicatorCatalog CATALOG = new IndicatorCatalog(java.util.List.of(), java.util.List.of(), Map.of(),
            java.util.List.of(LEASES));

    public static final String SOURCE = "测试文件\n1. 房租减免。2023年合同签订满一年的按照1个月租金减免；当年合同签订未满一年的每月按照应交租金的十二分之一实行减免。\n";

    public static final String RULES = """
            document: 测试〔2024〕2号
            source: source.txt
            measures: 1
            rules:
              - id: test-2/1
                measure: 1
                title: 房租减免
                quote: 2023年合同签订满一年的按照1个月租金减免
                kind: 减免
                delivery: 申请
                payer: { level: 市级, department: 市国资委 }
                borne_by: { field: lessor, verb: 减免 }
                amount: >-
                  sum(for l in leases where l.city_invested_lessor and l.start <= 2023-12-31 and l.end >= 2023-01-01
                  return if l.end + 1天 >= l.start + 12月 then l.monthly_rent
                  else l.monthly_rent * months(max(l.start, 2023-01-01), min(l.end + 1天, 2024-01-01)) / 12月)
              - id: test-2/2
                measure: 1
                title: 租期月数
                quote: 每月按照应交租金的十二分之一实行减免
                kind: 减免
                delivery: 申请
                payer: { level: 市级, department: 市国资委 }
                amount: "sum(for l in leases return l.monthly_rent * months(l.start, l.end) / 12月)"
            """;

    private LeaseFixture() {
    }

    /** Writes policies/test-2 (source.txt, rules.yaml) under {@code root}; returns rules.yaml. */
    public static Path writeRules(Path root) throws IOException {
        Path policy = root.resolve("policies/test-2");
        Files.createDirectories(policy);
        Files.writeString(policy.resolve("source.txt"), SOURCE, StandardCharsets.UTF_8);
        Files.writeString(policy.resolve("rules.yaml"), RULES, StandardCharsets.UTF_8);
        return policy.resolve("rules.yaml");
    }

    /** Writes the data files of {@code n} enterprises into {@code dir}; returns the same data as records by uscc. */
    public static Map<String, EnterpriseRecord> generate(Path dir, int n, long seed) throws IOException {
        Random rnd = new Random(seed);
        LocalDate[] starts = {LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 31), LocalDate.of(2022, 12, 31), LocalDate.of(2023, 2, 28),
            LocalDate.of(2024, 1, 31), LocalDate.of(2022, 3, 15), LocalDate.of(2023, 3, 15), LocalDate.of(2023, 11, 30),
            LocalDate.of(2021, 6, 1), LocalDate.of(2024, 2, 29)};
        String[] lessors = {"黄石市城市发展投资集团有限公司", "黄石市交通投资集团有限公司", "黄石市国有资产经营有限公司"};
        Map<String, EnterpriseRecord> records = new LinkedHashMap<>();
        try (FixtureFiles out = new FixtureFiles(dir)) {
            for (int e = 0; e < n; e++) {
                String uscc = String.format("H%05d", e);
                out.profile(uscc, "企业" + e, "420202", "F5211", "小型");
                Facts facts = Facts.empty();
                int shape = e % 12;
                if (shape == 0) { // no list given
                    records.put(uscc, record(uscc, facts));
                    continue;
                }
                if (shape == 1) { // declared empty
                    out.noItems(facts, uscc, "leases");
                    records.put(uscc, record(uscc, facts));
                    continue;
                }
                int count = 1 + rnd.nextInt(4);
                // most enterprises rent from one or two lessors, so one lessor often has two leases
                int lessorsHere = 1 + rnd.nextInt(2);
                int firstLessor = rnd.nextInt(lessors.length);
                for (int i = 0; i < count; i++) {
                    String id = "HT" + e + "-" + i;
                    LocalDate start = starts[rnd.nextInt(starts.length)];
                    LocalDate end = switch (rnd.nextInt(6)) {
                        case 0 -> start.plusMonths(12).minusDays(1);   // exactly 12 months
                        case 1 -> start.plusMonths(12).minusDays(2);   // 12 months less a day
                        case 2 -> start.plusMonths(1 + rnd.nextInt(11)).minusDays(1 - rnd.nextInt(3)); // whole months, ± a day
                        case 3 -> start.minusDays(1 + rnd.nextInt(30)); // ends before it starts
                        case 4 -> start.plusMonths(12 + rnd.nextInt(24));
                        default -> start.plusDays(1 + rnd.nextInt(400));
                    };
                    BigDecimal rent = BigDecimal.valueOf(rnd.nextInt(rnd.nextBoolean() ? 10_000 : 1_000_000) + 1, rnd.nextInt(3));
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("lessor", lessors[(firstLessor + rnd.nextInt(lessorsHere)) % lessors.length]);
                    f.put("city_invested_lessor", rnd.nextInt(6) != 0);
                    f.put("start", start);
                    f.put("end", end);
                    f.put("monthly_rent", rent);
                    if (shape == 2 && i == 0) { // one field missing: the rent or the lessor
                        f.remove(rnd.nextBoolean() ? "monthly_rent" : "lessor");
                    }
                    out.item(facts, uscc, "leases", id, f);
                }
                records.put(uscc, record(uscc, facts));
            }
        }
        return records;
    }

    private static EnterpriseRecord record(String uscc, Facts facts) {
        return new EnterpriseRecord(new Enterprise(uscc, "企业", "420202", "F5211", "小型", Map.of()), facts);
    }
}
