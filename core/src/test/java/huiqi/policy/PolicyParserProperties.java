package huiqi.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Whatever text comes in, the parser returns a well-formed document and never throws. */
class PolicyParserProperties {
    private static final PolicyParser PARSER = new PolicyParser();

    /** Pieces of real documents, so generated texts hit the parser's patterns, not just random noise. */
    private static final List<String> PIECES = List.of(
            "1.", "2．", "3、", "（一）", "(二)", "一、", "二、", "第一章", "第二章", "第三条", "（1）",
            "（责任单位：", "（牵头单位：", "；责任单位：", "【责任部门:", "〔", "〕", "）", ")", "】", "[", "]",
            "、", "，", "。", "；", ":", "\n", "\r\n", " ", "　", "- 9 -", "—", "等", "牵头", "会同", "按职责分工落实",
            "以下均需", "落实，不再一一列出", "市财政局", "区工信局", "各县（市）区人民政府", "50万元", "0.02元/千瓦时",
            "力争", "一季度", "200个以上", "增长8.0%以上", "给予", "奖励", "最高不超过", "对", "的", "企业",
            "榕政办规", "〔2024〕", "2 号", "2024 年", "1 月", "10 日", "福州市人民政府办公厅", "关于印发", "的通知",
            "自印发之日起执行", "有效期至", "本方案", "鼓楼区", "泉州台商投资区", "百分之", "万", "亿", "。\n");

    static Gen<String> documentLike() {
        return lists().of(Generate.oneOf(arbitrary().pick(PIECES), strings().allPossible().ofLengthBetween(0, 3)))
                .ofSizeBetween(0, 120).map(l -> String.join("", l));
    }

    @Test
    void neverThrowsOnArbitraryText() {
        qt().withExamples(400).forAll(strings().allPossible().ofLengthBetween(0, 400))
                .checkAssert(text -> assertWellFormed(PARSER.parse(text)));
    }

    @Test
    void neverThrowsOnDocumentLikeText() {
        qt().withExamples(600).forAll(documentLike()).checkAssert(text -> assertWellFormed(PARSER.parse(text)));
    }

    @Test
    void neverThrowsOnTruncatedOrSplicedSeeds() {
        qt().withExamples(60).forAll(seedIds(), integers().between(0, 20000), integers().between(0, 20000))
                .checkAssert((id, a, b) -> {
                    String text = source(id);
                    int from = Math.min(Math.min(a, b), text.length());
                    int to = Math.min(Math.max(a, b), text.length());
                    assertWellFormed(PARSER.parse(text.substring(0, from)));
                    assertWellFormed(PARSER.parse(text.substring(from, to)));
                    assertWellFormed(PARSER.parse(text.substring(to) + text.substring(0, from)));
                });
    }

    static Gen<String> seedIds() {
        return arbitrary().pick("fz-2024-2", "qt-2024-3", "gl-2023-1");
    }

    static Gen<List<Integer>> breakPositions() {
        return lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 25);
    }

    private static String source(String id) {
        try {
            return Files.readString(Seeds.source(id));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Lines broken mid-sentence and page numbers between lines, anywhere in the body between two Chinese
     * characters (not next to a numeral that could start a heading), change nothing about the measures.
     */
    @Test
    void lineBreaksAndPageNumbersInTheBodyChangeNothing() {
        qt().withExamples(40).forAll(seedIds(), breakPositions(), booleans().all())
                .checkAssert(PolicyParserProperties::lineBreaksAndPageNumbersChangeNothing);
    }

    private static void lineBreaksAndPageNumbersChangeNothing(String id, List<Integer> positions, boolean pageNumbers) {
        String text = source(id);
        PolicyDocument expected = PARSER.parse(text);
        int bodyStart = text.indexOf("\n一、");
        List<Integer> eligible = IntStream.range(bodyStart + 4, text.length() - 1)
                .filter(i -> breakable(text, i)).boxed().toList();
        Set<Integer> cuts = positions.stream().map(p -> eligible.get(p % eligible.size()))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        StringBuilder b = new StringBuilder();
        int last = 0;
        int page = 1;
        for (int cut : cuts) {
            b.append(text, last, cut).append(pageNumbers ? "\n\n- " + page++ + " -\n\n" : "\n");
            last = cut;
        }
        b.append(text.substring(last));
        PolicyDocument actual = PARSER.parse(b.toString());
        assertThat(actual.measures()).isEqualTo(expected.measures());
        assertThat(actual.chapters()).isEqualTo(expected.chapters());
    }

    private static boolean breakable(String s, int i) {
        char before = s.charAt(i - 1);
        char after = s.charAt(i);
        String numerals = "一二三四五六七八九十第本各";
        return isHan(before) && isHan(after) && numerals.indexOf(after) < 0 && numerals.indexOf(before) < 0;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    static void assertWellFormed(PolicyDocument doc) {
        assertThat(doc.chapters()).isNotNull();
        assertThat(doc.warnings()).isNotNull();
        assertThat(doc.measures()).extracting(Measure::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, doc.measures().size()).boxed().toList());
        Set<Integer> chapterNumbers = doc.chapters().stream().map(Chapter::number).collect(Collectors.toSet());
        for (Measure m : doc.measures()) {
            assertThat(m.chapter() == null || chapterNumbers.contains(m.chapter())).isTrue();
            assertThat(m.text()).isNotNull().doesNotContain("\n");
            assertThat(m.title()).isNotNull();
            m.targets().forEach(t -> assertThat(t.quantity()).isNotNull());
            m.amounts().forEach(a -> assertThat(a.value()).isNotNull());
        }
        assertThat(PolicyJson.toJson(doc)).startsWith("{");
        if (doc.measures().isEmpty()) {
            assertThat(doc.warnings()).anyMatch(w -> w.startsWith("未识别到任何措施") || w.startsWith("文件没有文字"));
        }
    }

}
