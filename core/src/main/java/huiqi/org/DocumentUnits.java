package huiqi.org;

import huiqi.policy.Level;
import huiqi.policy.Measure;
import huiqi.policy.PolicyDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The unit mentions of a parsed document, each resolved in the context of the document's issuing government. */
public final class DocumentUnits {
    private DocumentUnits() {
    }

    /** The government that issued the document, from its region and level; null when the parser found no region. */
    public static Government issuer(String regionCode, String regionName, Level level) {
        if (regionCode == null || regionName == null) {
            return null;
        }
        return level == null ? Government.of(regionCode, regionName) : new Government(regionCode, regionName, level);
    }

    public static Government issuer(PolicyDocument doc) {
        return doc.region() == null ? null : issuer(doc.region().code(), doc.region().name(), doc.level());
    }

    /** Every distinct mention (as written) of the document's measures, resolved. */
    public static Map<String, Resolution> resolve(PolicyDocument doc, UnitResolver resolver) {
        Government g = issuer(doc);
        Map<String, Resolution> out = new LinkedHashMap<>();
        for (Measure m : doc.measures()) {
            for (String u : m.allUnits()) {
                out.computeIfAbsent(u.strip(), k -> resolver.resolve(k, g));
            }
        }
        return out;
    }

    public static List<String> mentions(PolicyDocument doc) {
        return doc.measures().stream().flatMap(m -> m.allUnits().stream()).map(String::strip).distinct().toList();
    }
}
