package huiqi.rules.file;

import huiqi.rules.lang.Checker;
import java.util.List;

/** A cap shared by several rules, allocated in the order of {@code rules}. */
public record SharedCap(String id, List<String> rules, Checker.Checked cap, String text, String quote, SourcePos pos) {
}
