package huiqi.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real documents from 15 provinces, 2021–2025 (policies-fixtures/, sources in SOURCES.md): the facts a reader
 * takes from each (expected.tsv) are what the parser reads, except the gaps listed in known-gaps.tsv, which must
 * still be wrong in exactly that way (so a fix or a new failure both show here). Some are also read as .docx and
 * .pdf made from the text.
 */
class FixtureDocumentsTest {
    static final Path DIR = Path.of("src/test/resources/policies-fixtures");

    record Fact(String file, String name, String expected) {
    }

    static List<Fact> facts() throws Exception {
        List<Fact> facts = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            facts.add(new Fact(f[0], f[1], f[2]));
        }
        return facts;
    }

    /** file + "\t" + fact → what the parser returns instead (known-gaps.tsv). */
    static Map<String, String> gaps() throws Exception {
        Map<String, String> gaps = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("known-gaps.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            gaps.put(f[0] + "\t" + f[1], f[2]);
        }
        return gaps;
    }

    static String actual(PolicyDocument d, String fact) {
        String[] parts = fact.split("\\.");
        String value = switch (parts[0]) {
            case "docNumber" -> d.docNumber();
            case "issuer" -> d.issuer();
            case "title" -> d.title();
            case "issuedOn" -> d.issuedOn() == null ? null : d.issuedOn().toString();
            case "publishedOn" -> d.publishedOn() == null ? null : d.publishedOn().toString();
            case "region" -> d.region() == null ? null : d.region().code();
            case "level" -> d.level() == null ? null : d.level().label();
            case "chapters" -> String.valueOf(d.chapters().size());
            case "measures" -> String.valueOf(d.measures().size());
            case "units" -> join(d.measure(Integer.parseInt(parts[1])).map(Measure::qualifiedUnits));
            case "lead" -> join(d.measure(Integer.parseInt(parts[1])).map(Measure::leadUnits));
            case "inherited" -> join(d.measure(Integer.parseInt(parts[1])).map(Measure::inheritedUnits));
            default -> throw new IllegalArgumentException("未知事实 " + fact);
        };
        return value == null || value.isEmpty() ? "-" : value;
    }

    private static String join(Optional<List<String>> units) {
        return units.map(u -> String.join("、", u)).orElse(null);
    }

    static Stream<String> files() throws Exception {
        return facts().stream().map(Fact::file).distinct();
    }

    @ParameterizedTest
    @MethodSource("files")
    void factsOfTheText(String file) throws Exception {
        PolicyDocument doc = new PolicyParser().parse(DIR.resolve(file));
        assertFacts(file, doc);
    }

    static void assertFacts(String file, PolicyDocument doc) throws Exception {
        Map<String, String> gaps = gaps();
        for (Fact f : facts()) {
            if (!f.file().equals(file)) {
                continue;
            }
            String got = actual(doc, f.name());
            String gap = gaps.get(file + "\t" + f.name());
            if (gap == null) {
                assertThat(got).as("%s %s", file, f.name()).isEqualTo(f.expected());
            } else {
                assertThat(got).as("%s %s（已知缺陷，修好后请从 known-gaps.tsv 删去）", file, f.name()).isEqualTo(gap)
                        .isNotEqualTo(f.expected());
            }
        }
    }

    @Test
    void theSuiteSpansTenProvincesAndFiveYears() throws Exception {
        List<String> files = files().toList();
        assertThat(files).hasSizeGreaterThanOrEqualTo(20);
        Map<String, Long> provinces = new TreeMap<>();
        for (Fact f : facts()) {
            if (f.name().equals("region")) {
                provinces.merge(f.expected().substring(0, 2), 1L, Long::sum);
            }
        }
        assertThat(provinces).hasSizeGreaterThanOrEqualTo(10);
        assertThat(files.stream().map(n -> n.replaceAll(".*-(\\d{4})\\.txt", "$1")).distinct())
                .contains("2021", "2022", "2023", "2024", "2025");
        String sources = Files.readString(DIR.resolve("SOURCES.md"), StandardCharsets.UTF_8);
        for (String file : files) {
            assertThat(sources).as("来源登记").contains(file);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jl-changchun-2022.txt", "zj-cangnan-2023.txt", "js-huaian-2022.txt", "xz-ali-2021.txt"})
    void factsOfADocxMadeFromTheText(String file) throws Exception {
        String text = Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            for (String line : text.split("\n")) {
                doc.createParagraph().createRun().setText(line);
            }
            doc.write(out);
        }
        assertFacts(file, new PolicyParser().parse(out.toByteArray(), file.replace(".txt", ".docx")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sn-hanyin-2021.txt", "jx-nanchang-2022.txt", "zj-wucheng-2025.txt", "nm-gonggongshuju-2024.txt"})
    void factsOfAPdfMadeFromTheText(String file) throws Exception {
        String text = Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            Optional<PDType0Font> font = CjkFont.load(doc);
            assumeThat(font).as("这台机器没有 PDFBox 可嵌入的中文 TrueType 字体").isPresent();
            DocumentFormatsTest.writePages(doc, font.get(), DocumentFormatsTest.wrap(text, 60));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            pdf = out.toByteArray();
        }
        assertFacts(file, new PolicyParser().parse(pdf, file.replace(".txt", ".pdf")));
    }
}
