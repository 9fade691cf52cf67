package huiqi.rules.size;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.rules.size.SizeStandard.Bounds;
import huiqi.rules.size.SizeStandard.Measure;
import huiqi.rules.size.SizeStandard.Row;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The built-in table against the text of 工信部联企业〔2011〕300号 第四条 (test resource 300hao-article4.txt, quoted row by
 * row with its source): every row's name and, per measure, the 中小微 bound ("X以下的为中小微型企业"), the 中型 and the
 * 小型 bound ("X及以上"), read from the sentences themselves; and the industry scope of 其他未列明行业.
 */
class SizeStandardSourceTest {
    private static final Pattern ROW = Pattern.compile("（([一二三四五六七八九十]+)）([^。]+)。(.+)");
    private static final Map<String, Measure> MEASURES = Map.of("从业人员", Measure.EMPLOYEES, "营业收入", Measure.REVENUE,
            "资产总额", Measure.ASSETS);
    private static final Pattern FIGURE = Pattern.compile("(从业人员|营业收入|资产总额)(\\d+)(人|万元)");

    private static List<String> rows() throws Exception {
        try (InputStream in = SizeStandardSourceTest.class.getResourceAsStream("300hao-article4.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("（")).toList();
        }
    }

    /** The figures of one sentence ("从业人员300人及以上，且营业收入2000万元及以上的为中型企业") by measure, in base units. */
    private static Map<Measure, BigDecimal> figures(String sentence) {
        Map<Measure, BigDecimal> out = new java.util.EnumMap<>(Measure.class);
        Matcher m = FIGURE.matcher(sentence);
        while (m.find()) {
            BigDecimal v = new BigDecimal(m.group(2));
            out.put(MEASURES.get(m.group(1)), m.group(3).equals("万元") ? v.multiply(BigDecimal.valueOf(10_000)) : v);
        }
        return out;
    }

    private static String sentence(String text, String ending) {
        for (String part : text.split("[；。，]其中，|；|。")) {
            if (part.endsWith(ending)) {
                return part;
            }
        }
        // 农、林、牧、渔业 joins its tiers with "，"
        for (String part : text.split("，")) {
            if (part.endsWith(ending)) {
                return part;
            }
        }
        throw new AssertionError("条文中没有“" + ending + "”：" + text);
    }

    @Test
    void everyRowOfTheTableIsTheOneTheTextStates() throws Exception {
        List<String> rows = rows();
        assertThat(rows).hasSize(16);
        assertThat(SizeStandard.ROWS).hasSize(16);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Matcher m = ROW.matcher(rows.get(i));
            assertThat(m.matches()).as(rows.get(i)).isTrue();
            Row row = SizeStandard.ROWS.get(i);
            String name = m.group(2);
            if (!row.name().startsWith(name)) {
                differences.add("第" + (i + 1) + "行名称：条文 " + name + "，表 " + row.name());
            }
            String text = m.group(3);
            Map<Measure, BigDecimal> upper = figures(sentence(text, "的为中小微型企业"));
            Map<Measure, BigDecimal> medium = figures(sentence(text, "的为中型企业"));
            Map<Measure, BigDecimal> small = figures(sentence(text, "的为小型企业"));
            assertThat(upper.keySet()).as(name + " 的指标").isEqualTo(medium.keySet()).isEqualTo(small.keySet());
            assertThat(row.bounds()).extracting(Bounds::measure).as(name + " 的指标").containsExactlyInAnyOrderElementsOf(upper.keySet());
            for (Bounds b : row.bounds()) {
                check(differences, name, b.measure(), "中小微上限", upper.get(b.measure()), b.upper());
                check(differences, name, b.measure(), "中型下限", medium.get(b.measure()), b.medium());
                check(differences, name, b.measure(), "小型下限", small.get(b.measure()), b.small());
            }
        }
        assertThat(differences).as("与条文不一致的行").isEmpty();
    }

    private static void check(List<String> differences, String row, Measure m, String what, BigDecimal text, BigDecimal table) {
        if (text == null || text.compareTo(table) != 0) {
            differences.add(row + " " + m.label + " " + what + "：条文 " + text + "，表 " + table);
        }
    }

    /** 其他未列明行业 per the scope note: M, N, O, R, 房地产中介 703, 其他房地产 709; not 自有房地产经营活动 704. */
    @Test
    void theIndustryScopeOfTheCatchAllRow() {
        for (String code : List.of("M7320", "N7721", "O8011", "R8710", "K7030", "K7090", "Q8421")) {
            assertThat(SizeStandard.row(code).map(Row::name)).as(code).contains("其他未列明行业");
        }
        assertThat(SizeStandard.row("K7040")).as("自有房地产经营活动不在范围内").isEqualTo(Optional.empty());
        assertThat(SizeStandard.row("B0610").map(Row::name)).contains("工业");
        assertThat(SizeStandard.row("D4411").map(Row::name)).contains("工业");
        assertThat(SizeStandard.row("I6311").map(Row::name)).contains("信息传输业");
        assertThat(SizeStandard.row("G5810").map(Row::name)).contains("交通运输业（不含铁路运输业）");
        assertThat(SizeStandard.row("G6010").map(Row::name)).contains("邮政业");
    }
}
