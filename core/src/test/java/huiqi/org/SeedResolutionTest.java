package huiqi.org;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.policy.PolicyDocument;
import huiqi.policy.PolicyLibrary;
import huiqi.policy.PolicyParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every unit the seed documents name resolves to directory units in the context of the issuing government, and
 * the resolution rate on the real fixture documents (whose governments the directory does not seed) is printed.
 */
class SeedResolutionTest {
    static final UnitResolver RESOLVER = new UnitResolver(UnitDirectory.seed());

    @Test
    void everySeedMentionResolvesAndTheSpellingsCollapseToCanonicalUnits() throws Exception {
        Map<String, PolicyDocument> docs = PolicyLibrary.locate().loadAll();
        Set<String> spellings = new HashSet<>();
        Set<String> units = new HashSet<>();
        Set<String> single = new HashSet<>();
        int singleMentions = 0;
        Map<String, String> unresolved = new TreeMap<>();
        int mentions = 0;
        for (var e : docs.entrySet()) {
            for (Resolution r : DocumentUnits.resolve(e.getValue(), RESOLVER).values()) {
                mentions++;
                spellings.add(e.getKey() + "|" + r.mention());
                units.addAll(r.unitIds());
                if (r.kind() == Resolution.Kind.UNIT) {
                    singleMentions++;
                    single.addAll(r.unitIds());
                }
                if (!r.resolved()) {
                    unresolved.put(e.getKey() + " " + r.mention(), r.reason());
                }
            }
        }
        System.out.printf("种子文件单位写法：%d 种（各文件分别计 %d）；其中指单个单位的 %d 种写法 → 规范单位 %d 个；"
                        + "集合写法展开后共涉及 %d 个单位；未解析 %d%n",
                spellings.stream().map(s -> s.substring(s.indexOf('|') + 1)).distinct().count(), mentions,
                singleMentions, single.size(), units.size(), unresolved.size());
        assertThat(unresolved).isEmpty();
        assertThat(single).hasSizeLessThan(singleMentions);
    }

    @Test
    void resolutionRateOnTheRealFixtureDocumentsIsReported() throws Exception {
        Path dir = Path.of("src/test/resources/policies-fixtures");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        PolicyParser parser = new PolicyParser();
        int total = 0;
        int resolved = 0;
        for (Path f : files) {
            PolicyDocument doc = parser.parse(f);
            Map<String, Resolution> rs = DocumentUnits.resolve(doc, RESOLVER);
            long ok = rs.values().stream().filter(Resolution::resolved).count();
            total += rs.size();
            resolved += (int) ok;
            for (Resolution r : rs.values()) {
                if (r.resolved() && doc.region() != null && !doc.region().code().startsWith("35")) {
                    throw new AssertionError(f + ": " + r.mention() + " resolved to a seeded Fujian unit " + r.unitIds());
                }
            }
        }
        System.out.printf("真实文件（%d 份）单位解析率：%d / %d%n", files.size(), resolved, total);
        assertThat(total).isPositive();
    }
}
