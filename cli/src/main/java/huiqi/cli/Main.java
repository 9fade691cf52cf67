package huiqi.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of ./huiqi. Each subcommand lives in its own class next to this one. */
@Command(name = "huiqi", mixinStandardHelpOptions = true, version = "huiqi 0.1.0",
        description = "惠企: 政策文件 → 规则 → 企业匹配 → 兑现与督查。",
        subcommands = {CommandLine.HelpCommand.class, ParseCommand.class, GenCommand.class, CheckDataCommand.class,
                CheckCommand.class, EvalCommand.class, BatchCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        // POI logs through the Log4j API; without a backend it prints "could not find a logging provider".
        // The CLI talks to users in its own words, so library logging stays silent.
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
        System.setOut(new PrintStream(System.out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(System.err, true, StandardCharsets.UTF_8));
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new FriendlyErrors());
        return cl;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
