package huiqi.org;

import huiqi.policy.Level;
import huiqi.policy.RegionTable;
import java.util.Optional;

/**
 * A government a unit belongs to: its 行政区划 code, name and level. A park (园区) carries the code of the
 * government that runs it and its own name, so code and name together tell it apart from that government.
 */
public record Government(String code, String name, Level level) {

    /** The government with this code and name, its level from the region table (a park when the name is not the division's). */
    public static Government of(String code, String name) {
        var division = RegionTable.national().byCode(code);
        if (division.isPresent() && division.get().name().equals(name)) {
            return new Government(code, name, division.get().level());
        }
        return new Government(code, name, Level.PARK);
    }

    /** The government above: a county's or a park's city, a city's province; empty for a province. */
    public Optional<Government> parent() {
        var table = RegionTable.national();
        if (level == Level.PARK) {
            return table.byCode(code).map(e -> new Government(e.code(), e.name(), e.level()));
        }
        return table.byCode(code).flatMap(e -> table.byCode(e.parentCode()))
                .map(p -> new Government(p.code(), p.name(), p.level()));
    }

    /** How the documents of this government prefix their own departments: 市, 区, 县, 省. */
    public String ownPrefix() {
        return switch (level) {
            case PROVINCE -> "省";
            case CITY -> "市";
            case PARK -> "区";
            default -> name.substring(name.length() - 1);
        };
    }

    /** The name without its 区/县/市 suffix ("鼓楼区" → 鼓楼), for spellings like 鼓楼税务局. */
    public String placeShort() {
        if (level == Level.PARK || name.length() <= 2) {
            return name;
        }
        return name.substring(0, name.length() - 1);
    }

    public String key() {
        return code + "|" + name;
    }
}
