package huiqi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.policy.PolicyLibrary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ParseCommandTest {
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static String seed(String id) {
        return PolicyLibrary.locate().sourceOf(id).toString();
    }

    @Test
    void jsonHasEveryDocumentedField() {
        Run r = run("parse", seed("fz-2024-2"), "--json");
        assertThat(r.exit()).isZero();
        JsonNode doc = JsonMapper.builder().build().readTree(r.out());
        assertThat(doc.get("docNumber").asString()).isEqualTo("榕政办规〔2024〕2号");
        assertThat(doc.get("issuedOn").asString()).isEqualTo("2024-01-10");
        assertThat(doc.get("effectiveFrom").asString()).isEqualTo("2024-01-10");
        assertThat(doc.get("effectiveUntil").asString()).isEqualTo("2024-03-31");
        assertThat(doc.get("region").get("code").asString()).isEqualTo("350100");
        assertThat(doc.get("region").get("name").asString()).isEqualTo("福州市");
        assertThat(doc.get("level").asString()).isEqualTo("市");
        assertThat(doc.get("chapters")).hasSize(8);
        assertThat(doc.get("chapters").get(0).get("title").asString()).isEqualTo("增强经营主体内生动力");
        assertThat(doc.get("measures")).hasSize(27);
        assertThat(doc.get("warnings").isArray()).isTrue();
        JsonNode m7 = doc.get("measures").get(6);
        assertThat(m7.get("number").asInt()).isEqualTo(7);
        assertThat(m7.get("chapter").asInt()).isEqualTo(2);
        for (String field : new String[] {"title", "text", "leadUnits", "responsibleUnits", "inheritedUnits",
                "targets", "amounts"}) {
            assertThat(m7.has(field)).as(field).isTrue();
        }
        assertThat(m7.get("responsibleUnits").toString()).isEqualTo("[\"市工信局\",\"市财政局\",\"福州供电公司\"]");
        JsonNode amount = m7.get("amounts").get(0);
        assertThat(amount.get("value").isString()).isTrue();
        assertThat(amount.get("value").asString()).isEqualTo("0.02");
        assertThat(amount.get("unit").asString()).isEqualTo("元/千瓦时");
        JsonNode target = doc.get("measures").get(17).get("targets").get(0);
        assertThat(target.get("quantity").asString()).isEqualTo("200");
        assertThat(target.get("comparator").asString()).isEqualTo(">=");
        assertThat(target.get("deadline").asString()).isEqualTo("2024-03-31");
        assertThat(target.has("text") && target.has("unit")).isTrue();
    }

    @Test
    void outlineShowsChaptersMeasuresAndUnits() {
        Run r = run("parse", seed("gl-2023-1"));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("鼓政办规〔2023〕1号", "共 7 章、37 条措施", "着力稳外贸稳外资",
                "17. 综合运用预留采购份额", "牵头单位: 区财政局", "统一落实: 各街镇、福州软件园");
    }

    @Test
    void unreadableFilesGiveAMessageAndExitOne(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        Run r = run("parse", empty.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("文件为空").doesNotContain("Exception");

        Path binary = dir.resolve("x.bin");
        byte[] bytes = new byte[2048];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(binary, bytes);
        r = run("parse", binary.toString(), "--json");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("错误").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();

        r = run("parse", dir.resolve("missing.txt").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("文件不存在");
    }

    @Test
    void textWithoutMeasuresIsReadWithAWarning(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("note.txt");
        Files.writeString(f, "这是一段没有任何编号条款的说明文字。");
        Run r = run("parse", f.toString(), "--json");
        assertThat(r.exit()).isZero();
        JsonNode doc = JsonMapper.builder().build().readTree(r.out());
        assertThat(doc.get("measures")).isEmpty();
        assertThat(doc.get("warnings").toString()).contains("未识别到任何措施");
    }
}
