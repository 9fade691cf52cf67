package huiqi.rules;

import java.util.Optional;
import java.util.function.Function;

/**
 * The one reading of our enums that carry a Chinese label (rule files, 兑现 cases, 督查 tasks): the label as written
 * (rules.yaml, the database, exports) or the English constant.
 */
public final class Labels {
    private Labels() {
    }

    public static <E extends Enum<E>> Optional<E> parse(E[] values, Function<E, String> label, String text) {
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
