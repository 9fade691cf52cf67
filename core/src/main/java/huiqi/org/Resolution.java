package huiqi.org;

import java.util.List;

/**
 * What a unit mention in a document stands for: one unit, the members of a collective mention ("各街镇"), or
 * nothing, with the reason an officer reads before mapping it by hand.
 */
public record Resolution(String mention, List<String> unitIds, Kind kind, String reason) {

    public enum Kind {
        UNIT, COLLECTIVE, UNRESOLVED
    }

    public Resolution {
        unitIds = List.copyOf(unitIds);
    }

    public boolean resolved() {
        return kind != Kind.UNRESOLVED;
    }

    static Resolution unit(String mention, String id) {
        return new Resolution(mention, List.of(id), Kind.UNIT, null);
    }

    static Resolution members(String mention, List<String> ids) {
        return new Resolution(mention, ids, Kind.COLLECTIVE, null);
    }

    static Resolution unresolved(String mention, String reason) {
        return new Resolution(mention, List.of(), Kind.UNRESOLVED, reason);
    }
}
