package huiqi.cli;

import huiqi.rules.file.RuleLoadException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into readable "错误: …" lines and exit code 2, never a stack trace. A rule
 * file that failed to load prints every one of its problems, each on its own line with its position.
 */
final class FriendlyErrors implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        if (ex instanceof RuleLoadException e) {
            e.problems().forEach(p -> cmd.getErr().println(p.severity().label() + ": " + p.pos() + ": " + p.message()));
            cmd.getErr().println("规则文件有错误，请先运行 ./huiqi check");
        } else {
            String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            cmd.getErr().println("错误: " + msg);
        }
        if (System.getenv("HUIQI_DEBUG") != null) {
            ex.printStackTrace(cmd.getErr());
        }
        return 2;
    }
}
