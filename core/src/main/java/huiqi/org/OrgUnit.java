package huiqi.org;

import java.util.List;

/**
 * One unit of the organisation directory: canonical full name, type, the government it belongs to, its parent
 * unit (null at the top), and every name by which documents mention it ({@code aliases}, the full name included).
 */
public record OrgUnit(String id, String name, UnitType type, Government government, String parentId,
                      List<String> aliases, boolean active) {

    public OrgUnit {
        aliases = List.copyOf(aliases);
    }
}
