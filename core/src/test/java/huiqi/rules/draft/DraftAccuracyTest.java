package huiqi.rules.draft;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.facts.IndicatorCatalog;
import huiqi.policy.PolicyDocument;
import huiqi.policy.PolicyParser;
import huiqi.rules.file.RuleLibrary;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import huiqi.rules.file.RuleLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the drafter against the hand-written rule files: every document with a rules.yaml (policies/ and
 * policies-staging/) is parsed,
 * drafted, the draft rendered to YAML and loaded (so it must type-check), then compared measure by measure.
 *
 * <p>Items and verdicts (each item is RIGHT, OPEN or WRONG):
 * <ul>
 *   <li><b>category</b>, one per measure: RIGHT if the drafted category equals the hand-written one (可计算 = some
 *       rule of the measure has an amount, 仅资格 = rules without amount, else the {@code unencoded} category);
 *       otherwise WRONG.</li>
 *   <li>for measures the hand-written file computes, with the draft rules of the same measure number pooled:
 *     <ul>
 *       <li><b>parameter</b>, one per distinct value quoted from the document (source 第N条…; values taken from
 *           other acts, like a statutory tax rate, are not in the text and are not scored): RIGHT if a drafted
 *           parameter has the same value in the same unit;</li>
 *       <li><b>condition</b>, one per distinct condition: RIGHT if a drafted condition is the same expression once
 *           lets are inlined and parameters replaced by their values (same attribute, indicator, period,
 *           function, comparator and threshold); WRONG if a drafted condition reads the same catalog ids
 *           differently;</li>
 *       <li><b>amount</b> and <b>cap</b> per hand-written rule: RIGHT if a drafted rule has the same expression
 *           in that sense;</li>
 *       <li><b>delivery</b>, <b>payer level</b>, <b>payer department</b> per hand-written rule: RIGHT if equal (the
 *           department: one name contains the other), WRONG if drafted differently;</li>
 *       <li>an item not RIGHT and not drafted differently is OPEN when the draft raised at least one open question
 *           for the measure (or declined it as 无法编码), else WRONG (a silent omission);</li>
 *       <li>every drafted parameter value and every drafted condition over catalog ids that matches nothing
 *           hand-written is one more WRONG item (over-drafting costs too).</li>
 *     </ul></li>
 * </ul>
 * Prints "x of y right, z open questions, w wrong" per document, for the seeds, the documents added to policies/ since,
 * the new documents in policies-staging/ and in total; asserts that no document falls below
 * the number of right items measured when this test was written ({@link #RIGHT_AT_LEAST}), that the three seed
 * documents stay at 70% right or more, and that at most 5% of all items are wrong: a question is better than a
 * wrong value.
 */
class DraftAccuracyTest {
    private static final IndicatorCatalog CATALOG = RuleLibrary.catalog();
    /**
     * Right items measured per document. Seeds: 178 of 250 right, 66 open questions, 6 wrong. The documents added to
     * policies/ after the seeds (yl-2022-1, pt-2023-1, qz-2023-1, cx-2023-1, hs-2023-5, xs-2023-13): they name no responsible units,
     * and “新增量”“每人” without the quantity they count, so most items are questions. cx-2023-1: the 楚雄 refund is its own
     * measure since the parser makes a chapter paragraph without numbered items one measure (二 返还标准, measure 5): the
     * drafter reads it as 可计算 with both shares, 12 of 27 right, 14 open, 1 wrong (an extra condition on individual
     * businesses, which the clause names among those refunded at 60%) — it was 3 of 22 when the rules hung on a condition
     * clause. hs-2023-5 has 第五条 encoded per lease (borne_by, months): the drafter still declines that measure as
     * 无法编码 (no items), so 5 of its 15 items are right. xs-2023-13: its subsidy (一 补助标准) is now measure 1, encoded
     * with ordered loans (#17); the reference says 可计算 there and 仅资格 for conditions 2 and 4, where the drafter, which
     * writes no item loops, says 无法编码: 6 of 17 right, 8 open questions (the rule's items), 3 wrong.
     */
    static final java.util.Map<String, Integer> RIGHT_AT_LEAST = java.util.Map.of(
            "fz-2024-2", 35, "gl-2023-1", 49, "qt-2024-3", 94, "yl-2022-1", 16, "pt-2023-1", 10, "qz-2023-1", 6,
            "cx-2023-1", 12, "xs-2023-13", 6, "hs-2023-5", 5);
    static final java.util.Set<String> SEEDS = java.util.Set.of("fz-2024-2", "gl-2023-1", "qt-2024-3");

    static Path policies() {
        return IndicatorCatalog.locate(Path.of("")).getParent().resolve("policies");
    }

    /** Documents with hand-written rules that wait outside the platform library (policies-staging/README.md). */
    static Path staged() {
        return IndicatorCatalog.locate(Path.of("")).getParent().resolve("policies-staging");
    }

    /** Drafts one shipped document, loads the draft through RuleFileLoader and scores it. */
    static DraftScore score(Path docDir, Path work) throws IOException {
        String docId = docDir.getFileName().toString();
        PolicyDocument doc = new PolicyParser().parse(Files.readString(docDir.resolve("source.txt")));
        DocumentDraft draft = new RuleDrafter(CATALOG).draft(doc, docId);
        Path dir = Files.createDirectories(work.resolve(docId));
        Files.copy(docDir.resolve("source.txt"), dir.resolve("source.txt"));
        String yaml = DraftYaml.render(draft);
        Files.writeString(dir.resolve("rules.yaml"), yaml);
        // the drafts stay readable after the run, next to the surefire reports
        Path out = Files.createDirectories(Path.of("target", "drafts"));
        Files.writeString(out.resolve(docId + ".yaml"), yaml);
        RuleFileLoader loader = new RuleFileLoader(CATALOG);
        RuleFile drafted;
        try {
            drafted = loader.load(dir.resolve("rules.yaml"));
        } catch (RuleLoadException e) {
            throw new AssertionError("草稿无法加载：" + e.problems() + "\n" + yaml, e);
        }
        RuleFile reference = loader.load(docDir.resolve("rules.yaml"));
        DraftScore s = DraftScore.of(reference, drafted, draft);
        return s;
    }

    @Test
    void draftsOfTheShippedDocumentsAgreeWithTheHandWrittenRules(@TempDir Path work) throws IOException {
        DraftScore total = new DraftScore();
        DraftScore seeds = new DraftScore();
        DraftScore added = new DraftScore();
        DraftScore staged = new DraftScore();
        List<String> lines = new ArrayList<>();
        List<String> regressed = new ArrayList<>();
        List<Path> ruleFiles = new ArrayList<>(RuleFileLoader.findRuleFiles(policies()));
        List<Path> stagedFiles = RuleFileLoader.findRuleFiles(staged());
        ruleFiles.addAll(stagedFiles);
        for (Path rules : ruleFiles) {
            Path docDir = rules.getParent();
            DraftScore s = score(docDir, work);
            s.log.forEach(l -> System.out.println("  " + docDir.getFileName() + " " + l));
            String docId = docDir.getFileName().toString();
            lines.add(s.line(docId));
            total.add(s);
            if (SEEDS.contains(docId)) {
                seeds.add(s);
            } else if (stagedFiles.contains(rules)) {
                staged.add(s);
            } else {
                added.add(s);
            }
            if (s.right < RIGHT_AT_LEAST.getOrDefault(docId, 0)) {
                regressed.add(s.line(docId) + "（此前 " + RIGHT_AT_LEAST.get(docId) + " 项正确）");
            }
        }
        lines.forEach(System.out::println);
        System.out.println(seeds.line("seed documents"));
        System.out.println(added.line("documents added to policies/ since the seeds"));
        System.out.println(staged.line("new documents in policies-staging/"));
        System.out.println(total.line("total"));
        assertThat(regressed).isEmpty();
        assertThat(seeds.right * 100).as(seeds.line("seed documents")).isGreaterThanOrEqualTo(seeds.total() * 70);
        assertThat(total.wrong * 100).as(total.line("total")).isLessThanOrEqualTo(total.total() * 5);
    }
}
