package huiqi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.policy.PolicyLibrary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** ./huiqi check and ./huiqi eval end to end through picocli. */
class RuleCommandsTest {
    @TempDir
    Path tmp;

    static Path policies() {
        return PolicyLibrary.locate().root();
    }

    static String lastLine(String s) {
        List<String> lines = s.lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void checkPassesOnTheRepositoryRules() {
        ParseCommandTest.Run r = ParseCommandTest.run("check", policies().toString());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(lastLine(r.out())).matches("\\d+ passed, 0 failed");
        assertThat(r.out()).contains("榕政办规〔2024〕2号");
    }

    private Path writeDoc(String rulesYaml) throws Exception {
        Path dir = tmp.resolve("policies/fz-2024-2");
        Files.createDirectories(dir);
        Files.copy(policies().resolve("fz-2024-2/source.txt"), dir.resolve("source.txt"));
        Files.writeString(dir.resolve("rules.yaml"), rulesYaml, StandardCharsets.UTF_8);
        return tmp.resolve("policies");
    }

    private String fz7Only(String amount, String expect) throws Exception {
        String all = Files.readString(policies().resolve("fz-2024-2/rules.yaml"), StandardCharsets.UTF_8);
        return all.replace("amount: feb_kwh * rate", "amount: " + amount).replace("expect: 12000", "expect: " + expect);
    }

    @Test
    void checkFailsWithPositionOnAUnitError() throws Exception {
        Path dir = writeDoc(fz7Only("feb_kwh + rate", "12000"));
        ParseCommandTest.Run r = ParseCommandTest.run("check", dir.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsPattern("✗ .*rules\\.yaml:\\d+:\\d+: 单位不一致：千瓦时 与 元/千瓦时 不能相加");
        assertThat(lastLine(r.out())).isEqualTo("0 passed, 1 failed");
    }

    @Test
    void checkAndEvalReportEveryIndependentProblemOfABrokenFile() throws Exception {
        String all = Files.readString(policies().resolve("fz-2024-2/rules.yaml"), StandardCharsets.UTF_8);
        String broken = all.replace("amount: feb_kwh * rate", "amount: feb_kwh + rate")
                .replaceFirst("kind: 奖补", "kind: 补贴");
        assertThat(broken).isNotEqualTo(all);
        Path dir = writeDoc(broken);
        ParseCommandTest.Run check = ParseCommandTest.run("check", dir.toString());
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out()).containsPattern("✗ .*rules\\.yaml:\\d+:\\d+: 单位不一致")
                .containsPattern("✗ .*rules\\.yaml:\\d+:\\d+: kind 应为 减免、奖补、权益 或 资质，实为 '补贴'")
                .doesNotContain("未知规则");
        assertThat(lastLine(check.out())).isEqualTo("0 passed, 2 failed");
        Path example = policies().getParent().resolve("docs/examples/enterprise-fz.json");
        ParseCommandTest.Run eval = ParseCommandTest.run("eval", "--enterprise", example.toString(), "--rules", dir.toString());
        assertThat(eval.exit()).isEqualTo(2);
        assertThat(eval.err().lines().filter(l -> l.matches("错误: .*rules\\.yaml:\\d+:\\d+: .*"))).hasSize(2);
        assertThat(lastLine(eval.err())).isEqualTo("规则文件有错误，请先运行 ./huiqi check");
    }

    @Test
    void checkCountsAFailingExampleTest() throws Exception {
        Path dir = writeDoc(fz7Only("feb_kwh * rate", "12001"));
        ParseCommandTest.Run r = ParseCommandTest.run("check", dir.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("金额应为 12001.00，实为 12000.00");
        assertThat(lastLine(r.out())).matches("\\d+ passed, 1 failed");
    }

    @Test
    void checkWritesCoverage() throws Exception {
        Path out = tmp.resolve("coverage.md");
        ParseCommandTest.Run r = ParseCommandTest.run("check", policies().toString(), "--coverage", out.toString());
        assertThat(r.exit()).isZero();
        // the same table as the repository's docs/coverage.md (which core CoverageTest keeps current and counts)
        assertThat(Files.readString(out)).contains("`fz-2024-2/7`").contains("`yl-2022-1/4`")
                .isEqualTo(Files.readString(policies().getParent().resolve("docs/coverage.md")));
    }

    @Test
    void evalPrintsTheDocumentedJson() throws Exception {
        Path example = policies().getParent().resolve("docs/examples/enterprise-fz.json");
        ParseCommandTest.Run r = ParseCommandTest.run("eval", "--enterprise", example.toString(), "--as-of", "2024-03-01",
                "--rules", policies().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JsonMapper.builder().build().readTree(r.out());
        assertThat(j.get("asOf").asString()).isEqualTo("2024-03-01");
        assertThat(j.get("enterprise").get("uscc").asString()).isEqualTo("91350100MA2XY1001E");
        JsonNode fz7 = null;
        for (JsonNode x : j.get("results")) {
            if (x.get("ruleId").asString().equals("fz-2024-2/7")) {
                fz7 = x;
            }
        }
        assertThat(fz7).isNotNull();
        for (String field : List.of("ruleId", "docNumber", "measure", "title", "status", "amount", "currency", "payer",
                "delivery", "explanation", "missing", "nearMiss")) {
            assertThat(fz7.has(field)).as(field).isTrue();
        }
        assertThat(fz7.get("status").asString()).isEqualTo("eligible");
        assertThat(fz7.get("amount").asString()).isEqualTo("12000.00");
        assertThat(fz7.get("currency").asString()).isEqualTo("CNY");
        assertThat(j.get("totals").get("total").asString()).isEqualTo("312000.00");
        assertThat(j.get("totals").get("byPayer").get("市级·市财政局").asString()).isEqualTo("312000.00");
    }

    /**
     * #17 document scope: a list of a document's rules (eval's JSON) explains the {@code scope:} conditions once under
     * {@code documents}, not again under each rule; a document without scope has no entry there.
     */
    @Test
    void evalExplainsADocumentsScopeOnce() throws Exception {
        StringBuilder months = new StringBuilder();
        for (int m = 1; m <= 12; m++) {
            months.append(String.format(", { \"indicator\": \"insured_headcount\", \"period\": \"2023-%02d\", \"value\": 100 }", m));
        }
        Path enterprise = tmp.resolve("key.json");
        Files.writeString(enterprise, """
                { "profile": { "uscc": "91350100MA2XY1001E", "name": "福州示例机械制造有限公司", "region": "350102",
                               "industry": "C3311", "size": "中型", "attributes": { "key_enterprise": true } },
                  "facts": [ %s ] }
                """.formatted(months.substring(2)));
        Path fixtures = policies().getParent().resolve("testdata/rules");
        ParseCommandTest.Run r = ParseCommandTest.run("eval", "--enterprise", enterprise.toString(), "--rules", fixtures.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JsonMapper.builder().build().readTree(r.out());
        String scopeLine = "✓ 工信部门认定的重点企业（总则：本措施适用于工信部门认定的重点企业）：工信部门认定的重点企业 = 是";
        assertThat(j.get("documents")).hasSize(1);
        assertThat(j.get("documents").get(0).get("docNumber").asString()).isEqualTo("存量指标差分测试");
        assertThat(j.get("documents").get(0).get("scope")).extracting(JsonNode::asString).containsExactly(scopeLine);
        int stockRules = 0;
        for (JsonNode x : j.get("results")) {
            List<String> lines = new java.util.ArrayList<>();
            x.get("explanation").forEach(l -> lines.add(l.asString()));
            assertThat(lines).as(x.get("ruleId").asString()).doesNotContain(scopeLine).isNotEmpty();
            if (x.get("ruleId").asString().startsWith("stock/")) {
                stockRules++;
                assertThat(x.get("status").asString()).isEqualTo("eligible");
            }
        }
        assertThat(stockRules).isEqualTo(2);
    }

    /** #17 item 5: a missing fact keeps its id and gains its Chinese name and the period as the enterprise supplies it. */
    @Test
    void evalListsMissingFactsWithTheirNameAndPeriod() throws Exception {
        Path enterprise = tmp.resolve("bare.json");
        java.nio.file.Files.writeString(enterprise, """
                { "profile": { "uscc": "91350100MA2XY1001E", "name": "福州示例机械制造有限公司", "region": "350102",
                               "industry": "C3311", "size": "中型", "attributes": { "above_scale_industrial": true } },
                  "facts": [] }
                """);
        ParseCommandTest.Run r = ParseCommandTest.run("eval", "--enterprise", enterprise.toString(), "--as-of", "2024-03-01",
                "--rules", policies().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode fz7 = null;
        for (JsonNode x : JsonMapper.builder().build().readTree(r.out()).get("results")) {
            if (x.get("ruleId").asString().equals("fz-2024-2/7")) {
                fz7 = x;
            }
        }
        assertThat(fz7.get("status").asString()).isEqualTo("undeterminable");
        JsonNode m = fz7.get("missing").get(0);
        assertThat(m.get("id").asString()).isEqualTo("electricity_kwh[2024-02]");
        assertThat(m.get("fact").asString()).isEqualTo("electricity_kwh");
        assertThat(m.get("label").asString()).isEqualTo("用电量");
        assertThat(m.get("period").asString()).isEqualTo("2024-02");
        assertThat(fz7.get("missingText").get(0).asString()).isEqualTo("用电量（2024-02）");
    }

    @Test
    void evalWhatIfOverride() throws Exception {
        Path example = policies().getParent().resolve("docs/examples/enterprise-fz.json");
        ParseCommandTest.Run r = ParseCommandTest.run("eval", "--enterprise", example.toString(), "--rules",
                policies().toString(), "--set", "fz-2024-2/7.rate=0.03元/千瓦时");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"amount\" : \"18000.00\"");
    }

    @Test
    void badEnterpriseInputIsOneClearLineNeverAStackTrace() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"profile\": {\"uscc\": \"91350102MA2XY1003H\"}, \"facts\": [{\"indicator\": \"electricity_kwh\", \"period\": \"2024-02\", \"value\": \"x\"}]}");
        ParseCommandTest.Run r = ParseCommandTest.run("eval", "--enterprise", bad.toString(), "--rules", policies().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("错误: ").contains("facts[0]").doesNotContain("at huiqi.");
        Files.writeString(bad, "{not json");
        r = ParseCommandTest.run("eval", "--enterprise", bad.toString(), "--rules", policies().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("不是有效的 JSON").doesNotContain("Exception");
        r = ParseCommandTest.run("eval", "--enterprise", bad.toString(), "--as-of", "2024-02-30", "--rules", policies().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--as-of");
    }
}
