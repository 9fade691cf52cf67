package huiqi.org;

import huiqi.policy.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisation directory in memory: active units by id, by government, and by every alias within their
 * government. Built from the seed file ({@link UnitSeed}) in core tests, from the database in the platform.
 */
public final class UnitDirectory {
    private final Map<String, OrgUnit> byId = new LinkedHashMap<>();
    private final Map<String, List<OrgUnit>> byGovernment = new HashMap<>();
    private final Map<String, Map<String, List<OrgUnit>>> byAlias = new HashMap<>();

    private UnitDirectory(Collection<OrgUnit> units) {
        for (OrgUnit u : units) {
            if (!u.active()) {
                continue;
            }
            byId.put(u.id(), u);
            String g = u.government().key();
            byGovernment.computeIfAbsent(g, k -> new ArrayList<>()).add(u);
            Map<String, List<OrgUnit>> aliases = byAlias.computeIfAbsent(g, k -> new HashMap<>());
            for (String a : u.aliases()) {
                List<OrgUnit> list = aliases.computeIfAbsent(Spellings.normalize(a), k -> new ArrayList<>());
                if (!list.contains(u)) {
                    list.add(u);
                }
            }
        }
    }

    public static UnitDirectory of(Collection<OrgUnit> units) {
        return new UnitDirectory(units);
    }

    /** The directory as seeded from {@code huiqi/org/units.csv}. */
    public static UnitDirectory seed() {
        return of(UnitSeed.load().stream().map(UnitSeed.Row::unit).toList());
    }

    public Collection<OrgUnit> units() {
        return byId.values();
    }

    public Optional<OrgUnit> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<OrgUnit> in(Government g) {
        return byGovernment.getOrDefault(g.key(), List.of());
    }

    /** Units of government {@code g} one of whose aliases is {@code spelling}. */
    public List<OrgUnit> named(Government g, String spelling) {
        return byAlias.getOrDefault(g.key(), Map.of()).getOrDefault(Spellings.normalize(spelling), List.of());
    }

    /** Every government with a unit in the directory. */
    public List<Government> governments() {
        Map<String, Government> out = new LinkedHashMap<>();
        byId.values().forEach(u -> out.putIfAbsent(u.government().key(), u.government()));
        return List.copyOf(out.values());
    }

    /** The city a government is part of (itself for a city or province). */
    static Government cityOf(Government g) {
        if (g.level() == Level.CITY || g.level() == Level.PROVINCE) {
            return g;
        }
        return g.parent().orElse(g);
    }
}
