package huiqi.rules.file;

import huiqi.policy.PolicyDocument;
import huiqi.policy.PolicyLibrary;
import huiqi.policy.PolicyReadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Generates docs/coverage.md: every measure of every document under policies/, as 可计算 (a rule with an
 * amount), 仅资格 (rules without amount), 目标（转督查）, 无法编码 (with the reason) or 待编码 (no rule file
 * yet). Measures and titles come from the policy parser (huiqi.policy); rule titles win for encoded ones.
 */
public final class Coverage {
    private static final Pattern MEASURE = Pattern.compile("(?m)^\\s*(\\d{1,2})\\s*[.．、]\\s*([^。\\n]{1,60})");

    private Coverage() {
    }

    /** Measure number → title, read from the numbered paragraphs of a source text. */
    static Map<Integer, String> measuresInSource(String source) {
        Map<Integer, String> out = new LinkedHashMap<>();
        Matcher m = MEASURE.matcher(source);
        int next = 1;
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n == next) {
                String title = m.group(2).trim();
                int stop = title.indexOf('，');
                out.put(n, stop > 0 && stop < 30 ? title.substring(0, stop) : title);
                next++;
            }
        }
        return out;
    }

    /** Measure number → title from the policy parser (huiqi.policy), if it can read the document. */
    static Optional<Map<Integer, String>> parsedMeasures(Path policiesDir, String docId) {
        try {
            PolicyDocument d = new PolicyLibrary(policiesDir).load(docId);
            Map<Integer, String> out = new LinkedHashMap<>();
            d.measures().forEach(m -> out.put(m.number(), m.title()));
            return out.isEmpty() ? Optional.empty() : Optional.of(out);
        } catch (PolicyReadException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static String generate(Path policiesDir, List<RuleFile> files) throws IOException {
        Map<String, RuleFile> byDir = new TreeMap<>();
        for (RuleFile f : files) {
            byDir.put(f.docId(), f);
        }
        List<Path> docs;
        try (Stream<Path> s = Files.list(policiesDir)) {
            docs = s.filter(p -> Files.isRegularFile(p.resolve("source.txt"))).sorted().toList();
        }
        StringBuilder body = new StringBuilder();
        Map<String, Integer> overall = new LinkedHashMap<>();
        int total = 0;
        for (Path dir : docs) {
            String docId = dir.getFileName().toString();
            Map<Integer, String> titles = parsedMeasures(policiesDir, docId)
                    .orElse(measuresInSource(Files.readString(dir.resolve("source.txt"), StandardCharsets.UTF_8)));
            RuleFile f = byDir.get(docId);
            int count = f != null ? f.measures() : titles.size();
            Map<Integer, List<Rule>> rules = new TreeMap<>();
            Map<Integer, Unencoded> unencoded = new TreeMap<>();
            if (f != null) {
                f.rules().forEach(r -> rules.computeIfAbsent(r.measure(), k -> new ArrayList<>()).add(r));
                f.unencoded().forEach(u -> unencoded.put(u.measure(), u));
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            StringBuilder table = new StringBuilder("| 措施 | 标题 | 类别 | 规则 / 原因 |\n|---|---|---|---|\n");
            for (int i = 1; i <= count; i++) {
                String category;
                String title = titles.getOrDefault(i, "");
                String detail;
                if (rules.containsKey(i)) {
                    List<Rule> rs = rules.get(i);
                    category = rs.stream().anyMatch(Rule::computable) ? "可计算" : "仅资格";
                    title = rs.get(0).title();
                    detail = rs.stream().map(r -> "`" + r.id() + "`").collect(Collectors.joining("、"));
                } else if (unencoded.containsKey(i)) {
                    Unencoded u = unencoded.get(i);
                    category = switch (u.category()) {
                        case "target-only" -> "目标（转督查）";
                        case "eligibility-only" -> "仅资格（未编码）";
                        default -> "无法编码";
                    };
                    if (u.title() != null) {
                        title = u.title();
                    }
                    detail = u.reason();
                } else {
                    category = "待编码";
                    detail = f == null ? "尚无 rules.yaml" : "";
                }
                counts.merge(category, 1, Integer::sum);
                overall.merge(category, 1, Integer::sum);
                table.append("| ").append(i).append(" | ").append(cell(title)).append(" | ").append(category)
                        .append(" | ").append(cell(detail)).append(" |\n");
            }
            total += count;
            String document = f != null ? f.document() : docId;
            body.append("\n## ").append(document).append("（").append(docId).append("，").append(count).append(" 项措施）\n\n")
                    .append(summary(counts)).append("\n\n").append(table);
        }
        return "# 措施覆盖情况\n\n"
                + "<!-- 由 `./huiqi check --coverage docs/coverage.md` 从 policies/*/rules.yaml 与 source.txt 生成，请勿手工编辑；"
                + "测试 CoverageTest 在本文件过期时失败。 -->\n\n"
                + "共 " + total + " 项措施：" + summary(overall) + "。\n\n"
                + "类别：可计算（规则算出金额）、仅资格（规则只判断是否享有权利或资格）、目标（转督查，只有工作目标或任务）、"
                + "无法编码（原因见表）、待编码（尚未写规则）。\n"
                + body;
    }

    private static String summary(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("，"));
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
