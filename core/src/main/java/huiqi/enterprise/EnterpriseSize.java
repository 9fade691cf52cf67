package huiqi.enterprise;

import java.util.Locale;
import java.util.Optional;

/** 企业规模 by the 大中小微 classification; stored as its Chinese label. */
public enum EnterpriseSize {
    LARGE("大型"), MEDIUM("中型"), SMALL("小型"), MICRO("微型");

    private final String label;

    EnterpriseSize(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts 大型/中型/小型/微型 (also without 型) or large/medium/small/micro. */
    public static Optional<EnterpriseSize> parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (EnterpriseSize z : values()) {
            if (s.equals(z.label) || s.equals(z.label.substring(0, 1)) || s.equals(z.name().toLowerCase(Locale.ROOT))) {
                return Optional.of(z);
            }
        }
        return Optional.empty();
    }
}
