package huiqi.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that hold no policy, or only part of one: a clear message or a warning, never an exception trace. */
class BadInputTest {
    final PolicyParser parser = new PolicyParser();

    @Test
    void emptyAndBlankFiles() {
        assertThatThrownBy(() -> parser.parse(new byte[0], "empty.txt"))
                .isInstanceOf(PolicyReadException.class).hasMessage("文件为空: empty.txt");
        assertThatThrownBy(() -> parser.parse(" \n\r\n\t　\n".getBytes(StandardCharsets.UTF_8), "blank.txt"))
                .isInstanceOf(PolicyReadException.class).hasMessageStartingWith("文件中没有文字");
    }

    @Test
    void binaryFiles() {
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        assertThatThrownBy(() -> parser.parse(random, "photo.jpg"))
                .isInstanceOf(PolicyReadException.class).hasMessageContaining("photo.jpg");
        byte[] withNul = "榕政办规〔2024〕2号\u0000\u0000\u0001".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(withNul, "x.txt"))
                .isInstanceOf(PolicyReadException.class).hasMessageContaining("不是文本");
    }

    @Test
    void damagedDocxAndPdf() throws Exception {
        assertThatThrownBy(() -> parser.parse("PK\u0003\u0004broken".getBytes(StandardCharsets.ISO_8859_1), "a.docx"))
                .isInstanceOf(PolicyReadException.class).hasMessageStartingWith("无法读取 .docx 文件");
        assertThatThrownBy(() -> parser.parse("%PDF-1.7 garbage".getBytes(StandardCharsets.ISO_8859_1), "a.pdf"))
                .isInstanceOf(PolicyReadException.class).hasMessageStartingWith("无法读取 PDF 文件");
        assertThatThrownBy(() -> parser.parse("plain words".getBytes(StandardCharsets.UTF_8), "a.pdf"))
                .isInstanceOf(PolicyReadException.class).hasMessageContaining("不是有效的 .pdf");
        ByteArrayOutputStream scanned = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.save(scanned);
        }
        assertThatThrownBy(() -> parser.parse(scanned.toByteArray(), "scan.pdf"))
                .isInstanceOf(PolicyReadException.class).hasMessageContaining("扫描件");
    }

    @Test
    void missingFileAndDirectory(@TempDir Path dir) {
        assertThatThrownBy(() -> parser.parse(dir.resolve("nope.txt")))
                .isInstanceOf(PolicyReadException.class).hasMessageStartingWith("文件不存在");
        assertThatThrownBy(() -> parser.parse(dir))
                .isInstanceOf(PolicyReadException.class).hasMessageStartingWith("这是一个目录");
    }

    @Test
    void textWithoutMeasures() {
        PolicyDocument doc = parser.parse("关于做好春节期间安全生产工作的提醒\n请各单位高度重视，切实做好值班值守。");
        assertThat(doc.measures()).isEmpty();
        assertThat(doc.warnings()).contains("未识别到任何措施（没有找到“1.”“（一）”“一、”“第一条”等编号的条款）",
                "未找到文号", "未找到印发日期（落款日期）");
    }

    @Test
    void truncatedDocument() throws Exception {
        String text = Files.readString(Seeds.source("fz-2024-2"));
        int cut = text.indexOf("拓展服务业集聚发展空间");
        PolicyDocument doc = parser.parse(text.substring(0, cut));
        assertThat(doc.measures()).hasSize(10);
        assertThat(doc.measures().get(9).text()).isEqualTo("积极培育服务业集聚区。整合更多楼宇、产业园载体,");
        assertThat(doc.warnings()).anyMatch(w -> w.startsWith("文件可能不完整：第10条措施没有正常结尾"))
                .contains("未写明有效期");
        // what was read before the cut is intact
        assertThat(doc.measures().get(6).responsibleUnits()).containsExactly("市工信局", "市财政局", "福州供电公司");
        assertThat(doc.docNumber()).isEqualTo("榕政办规〔2024〕2号");
    }

    @Test
    void documentCutInItsHead() {
        PolicyDocument doc = parser.parse("福州市人民政府办公厅文件\n\n榕政办规〔2024〕2号\n\n福州市人民政府办公厅 关于印发");
        assertThat(doc.docNumber()).isEqualTo("榕政办规〔2024〕2号");
        assertThat(doc.issuer()).isEqualTo("福州市人民政府办公厅");
        assertThat(doc.measures()).isEmpty();
        assertThat(doc.warnings()).anyMatch(w -> w.startsWith("未识别到任何措施"));
    }
}
