package huiqi.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same document as .txt (UTF-8, BOM, GBK, CRLF), .docx and .pdf yields the same measures. */
class DocumentFormatsTest {

    /** What must not depend on the file format: every field of every measure, and the metadata. */
    static void assertSameDocument(PolicyDocument actual, PolicyDocument expected) {
        assertThat(actual.docNumber()).isEqualTo(expected.docNumber());
        assertThat(actual.issuer()).isEqualTo(expected.issuer());
        assertThat(actual.title()).isEqualTo(expected.title());
        assertThat(actual.issuedOn()).isEqualTo(expected.issuedOn());
        assertThat(actual.effectiveUntil()).isEqualTo(expected.effectiveUntil());
        assertThat(actual.region()).isEqualTo(expected.region());
        assertThat(actual.chapters()).isEqualTo(expected.chapters());
        assertThat(actual.measures()).hasSameSizeAs(expected.measures());
        for (int i = 0; i < expected.measures().size(); i++) {
            assertThat(actual.measures().get(i)).isEqualTo(expected.measures().get(i));
        }
    }

    static String seedText(String id) throws Exception {
        return Files.readString(Seeds.source(id), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fz-2024-2", "qt-2024-3", "gl-2023-1"})
    void textEncodingsAndLineEndings(String id) throws Exception {
        String text = seedText(id);
        PolicyDocument expected = new PolicyParser().parse(text);
        byte[] gbk = text.getBytes(Charset.forName("GBK"));
        assertThat(PolicyReader.read(gbk, "x.txt")).isEqualTo(text);
        assertSameDocument(new PolicyParser().parse(gbk, "x.txt"), expected);

        byte[] bom = ("\uFEFF" + text.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
        assertSameDocument(new PolicyParser().parse(bom, "x.txt"), expected);

        byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
        assertSameDocument(new PolicyParser().parse(utf16, "x.txt"), expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fz-2024-2", "qt-2024-3", "gl-2023-1"})
    void docxBuiltFromTheSeed(String id) throws Exception {
        String text = seedText(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            for (String line : text.split("\n")) {
                doc.createParagraph().createRun().setText(line);
            }
            doc.write(out);
        }
        PolicyDocument fromDocx = new PolicyParser().parse(out.toByteArray(), id + ".docx");
        assertSameDocument(fromDocx, new PolicyParser().parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fz-2024-2", "qt-2024-3", "gl-2023-1"})
    void pdfBuiltFromTheSeed(String id) throws Exception {
        String text = seedText(id);
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            Optional<PDType0Font> font = CjkFont.load(doc);
            assumeThat(font).as("这台机器没有 PDFBox 可嵌入的中文 TrueType 字体（scripts/run-tests 会安装 fonts-wqy-microhei）")
                    .isPresent();
            writePages(doc, font.get(), wrap(text, 36));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            pdf = out.toByteArray();
        }
        String extracted = PolicyReader.read(pdf, id + ".pdf");
        assertThat(extracted).contains("— 1 —");
        PolicyDocument fromPdf = new PolicyParser().parse(pdf, id + ".pdf");
        assertSameDocument(fromPdf, new PolicyParser().parse(text));
    }

    /** Breaks every line after {@code width} characters, as a printed page does, mid-sentence. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            for (int i = 0; i < line.length(); i += width) {
                lines.add(line.substring(i, Math.min(line.length(), i + width)));
            }
            if (line.isEmpty()) {
                lines.add("");
            }
        }
        return lines;
    }

    /** Lays the lines out on A4 pages, 40 lines a page, with a "— n —" page number at the foot. */
    static void writePages(PDDocument doc, PDType0Font font, List<String> lines) throws Exception {
        int perPage = 40;
        for (int start = 0, page = 1; start < lines.size(); start += perPage, page++) {
            PDPage p = new PDPage(PDRectangle.A4);
            doc.addPage(p);
            try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
                cs.beginText();
                cs.setFont(font, 12);
                cs.setLeading(18);
                cs.newLineAtOffset(60, 780);
                for (String line : lines.subList(start, Math.min(lines.size(), start + perPage))) {
                    cs.showText(line.replace("\t", " "));
                    cs.newLine();
                }
                cs.endText();
                cs.beginText();
                cs.setFont(font, 10);
                cs.newLineAtOffset(280, 40);
                cs.showText("— " + page + " —");
                cs.endText();
            }
        }
    }
}
