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
 * Every unit the seed documents name resolves to directory units in the context of the issuing government, and so
 * does every unit the real fixture documents name (their governments and departments are seeded too), never to a
 * unit of another province.
 */
class SeedResolutionTest {
    static final UnitDirectory DIRECTORY = UnitDirectory.seed();
    static final UnitResolver RESOLVER = new UnitResolver(DIRECTORY);

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
                for (String id : r.unitIds()) {
                    String province = DIRECTORY.byId(id).orElseThrow().government().code().substring(0, 2);
                    assertThat(province).as(f + ": " + r.mention() + " → " + id + " must be of the document's province")
                            .isEqualTo(doc.region().code().substring(0, 2));
                }
                if (!r.resolved()) {
                    System.out.println("未解析：" + f.getFileName() + " " + r.mention() + "（" + r.reason() + "）");
                }
            }
        }
        System.out.printf("真实文件（%d 份）单位解析率：%d / %d%n", files.size(), resolved, total);
        assertThat(total).isEqualTo(41);
        assertThat(resolved).as("their governments and the departments they name are seeded").isEqualTo(total);
    }
}
