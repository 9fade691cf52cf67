package huiqi.rules.file;

import java.util.Optional;
import java.util.function.Function;

/** The one reading of the rule files' enums: their Chinese label (as written in rules.yaml) or their English name. */
final class Labels {
    private Labels() {
    }

    static <E extends Enum<E>> Optional<E> parse(E[] values, Function<E, String> label, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (E e : values) {
            if (label.apply(e).equals(t) || e.name().equals(t)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
