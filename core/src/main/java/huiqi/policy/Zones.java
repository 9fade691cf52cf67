package huiqi.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 园区 / 功能区 an enterprise may belong to (regions/zones.csv: 国家级新区 and parks), by canonical name.
 * A zone has no division code of its own, so a rule naming a zone cannot be written as a region prefix
 * (泉州台商投资区 is run by 泉州市 but its towns were carved out of 惠安县). {@link #NONE} says an enterprise is
 * in no zone.
 */
public final class Zones {
    /** The value of the zone attribute for an enterprise outside every zone. */
    public static final String NONE = "无";
    /** The id of the enterprise attribute (indicators.yaml) holding the zone. */
    public static final String ATTRIBUTE = "zone";

    private static final Map<String, String> BY_NAME = index();

    private Zones() {
    }

    private static Map<String, String> index() {
        Map<String, String> out = new LinkedHashMap<>();
        for (RegionTable.Entry e : RegionTable.national().entries()) {
            if (e.level() == Level.PARK && !e.zone().isEmpty()) {
                out.putIfAbsent(e.name(), e.name());
            }
        }
        for (RegionTable.Entry e : RegionTable.national().entries()) {
            if (e.level() == Level.PARK && !e.zone().isEmpty()) {
                out.putIfAbsent(e.shortName(), e.name());
                e.aliases().forEach(a -> out.putIfAbsent(a, e.name()));
            }
        }
        out.remove("");
        return out;
    }

    /** The canonical name of a zone written by its name, short name or alias. */
    public static Optional<String> canonical(String text) {
        return Optional.ofNullable(text == null ? null : BY_NAME.get(text.trim()));
    }

    /** The value of a zone attribute: a zone's canonical name, or {@link #NONE}. */
    public static String attributeValue(String text) {
        String s = text == null ? "" : text.trim();
        if (s.equals(NONE)) {
            return NONE;
        }
        return canonical(s).orElseThrow(() -> new IllegalArgumentException(
                "应为园区或功能区名称（如 泉州台商投资区，见 regions/zones.csv），不在任何园区写“无”，实为 '" + s + "'"));
    }

    /** Every name, short name and alias with its canonical name (the SQL path maps them the same way). */
    public static Map<String, String> names() {
        return BY_NAME;
    }

    /** The zone names, canonical only. */
    public static List<String> all() {
        return BY_NAME.values().stream().distinct().toList();
    }
}
