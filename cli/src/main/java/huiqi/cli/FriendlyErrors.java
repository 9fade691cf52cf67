package huiqi.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns an exception escaping a command into one readable line and exit code 2, never a stack trace. */
final class FriendlyErrors implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        cmd.getErr().println("错误: " + msg);
        if (System.getenv("HUIQI_DEBUG") != null) {
            ex.printStackTrace(cmd.getErr());
        }
        return 2;
    }
}
