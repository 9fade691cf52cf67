package huiqi.org;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** How a unit's name is compared and which spellings a department's short name stands for. */
public final class Spellings {
    private Spellings() {
    }

    /**
     * Spaces removed, half-width and tortoise-shell brackets made full-width round ones: "各县(市)区人民政府",
     * "各县〔市、区〕政府" and "各县（市）区人民政府" compare by the same rules.
     */
    public static String normalize(String s) {
        if (s == null) {
            return "";
        }
        return s.strip().replaceAll("\\s+", "").replace('(', '（').replace(')', '）').replace('〔', '（').replace('〕', '）');
    }

    /**
     * The spellings of a department written with its short name {@code s} in documents of government {@code g}:
     * 财政局, 区财政局, 鼓楼区财政局, 鼓楼财政局, 福州市鼓楼区财政局 (the last for a county, with its city's name).
     */
    public static Set<String> of(Government g, String s, String cityName) {
        Set<String> out = new LinkedHashSet<>();
        String shortName = normalize(s);
        if (shortName.isEmpty()) {
            return out;
        }
        out.add(shortName);
        out.add(g.ownPrefix() + shortName);
        out.add(g.name() + shortName);
        out.add(g.placeShort() + shortName);
        if (cityName != null && !g.name().startsWith(cityName)) {
            out.add(cityName + g.name() + shortName);
        }
        return out;
    }

    /** Whether an alias names its place (福州供电公司, 鼓楼税务局), so that it may be found outside its own government's documents. */
    static boolean placeQualified(String alias, List<String> places) {
        return places.stream().anyMatch(p -> p.length() >= 2 && alias.contains(p));
    }
}
