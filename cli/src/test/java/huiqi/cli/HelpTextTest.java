package huiqi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help renders as written: a lone % in a description makes picocli warn and print it raw. */
class HelpTextTest {
    @Test
    void everyCommandsHelpRendersWithoutPicocliWarnings() {
        PrintStream err = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            CommandLine main = Main.commandLine();
            StringBuilder help = new StringBuilder(main.getUsageMessage());
            for (CommandLine sub : main.getSubcommands().values()) {
                help.append(sub.getUsageMessage());
            }
            assertThat(help.toString().replaceAll("\\s+", "")).contains("约物理内存的80%）").doesNotContain("%%");
        } finally {
            System.setErr(err);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }
}
