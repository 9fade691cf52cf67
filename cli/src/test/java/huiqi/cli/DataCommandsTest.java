package huiqi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** ./huiqi gen writes files that ./huiqi check-data accepts; a damaged copy is rejected with row and column. */
class DataCommandsTest {
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

    @Test
    void generatedDataPassesTheImportCheckAndADamagedCopyDoesNot(@TempDir Path dir) throws Exception {
        Run gen = run("gen", "--enterprises", "500", "--seed", "9", "--out", dir.toString());
        assertThat(gen.exit()).as(gen.err()).isZero();
        assertThat(gen.out()).contains("已生成 500 家企业");
        Path profiles = dir.resolve("profiles.csv");
        Path facts = dir.resolve("facts.csv");

        Run ok = run("check-data", profiles.toString(), facts.toString());
        assertThat(ok.exit()).as(ok.out()).isZero();
        assertThat(ok.out()).contains("校验通过").contains("500 行企业档案");

        List<String> lines = Files.readAllLines(facts, StandardCharsets.UTF_8);
        lines.set(3, lines.get(3).replaceFirst(",(\\d{4}-\\d{2}),", ",$1-31,"));
        Path broken = dir.resolve("facts-broken.csv");
        Files.write(broken, lines, StandardCharsets.UTF_8);
        Run bad = run("check-data", profiles.toString(), broken.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).contains("校验未通过").contains("facts-broken.csv 第4行 列「period」");

        Run orphan = run("check-data", facts.toString());
        assertThat(orphan.exit()).isEqualTo(1);
        assertThat(orphan.out()).contains("不在企业档案中");
    }

    @Test
    void genRejectsANonPositiveCount(@TempDir Path dir) {
        Run r = run("gen", "--enterprises", "0", "--out", dir.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--enterprises");
    }
}
