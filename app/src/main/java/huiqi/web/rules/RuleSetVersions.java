package huiqi.web.rules;

import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleLibrary;
import huiqi.rules.file.RuleProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The published versions of every policy's rule set, parsed once (a version's text never changes): which one is in
 * force on a date. The version in force is the latest published whose effective date is on or before that date;
 * before the first version's date the first one applies (its rules' own validity decides), so the rules shipped
 * before versioning keep answering every date as they did.
 */
final class RuleSetVersions {
    /** One parsed version: its file when it loaded, else the problems why not. */
    record Parsed(PublishedVersions.Published version, RuleLibrary.Loaded loaded) {
    }

    private final Map<String, List<Parsed>> byPolicy;

    RuleSetVersions(List<Parsed> parsed) {
        Map<String, List<Parsed>> m = new TreeMap<>();
        for (Parsed p : parsed) {
            m.computeIfAbsent(p.version().policyId(), k -> new ArrayList<>()).add(p);
        }
        m.values().forEach(l -> l.sort(Comparator.comparing((Parsed p) -> p.version().effectiveFrom())
                .thenComparingInt(p -> p.version().version())));
        this.byPolicy = m;
    }

    static RuleSetVersions empty() {
        return new RuleSetVersions(List.of());
    }

    Parsed find(String policyId, int version) {
        return byPolicy.getOrDefault(policyId, List.of()).stream().filter(p -> p.version().version() == version)
                .findFirst().orElse(null);
    }

    RuleBook.InForce inForce(LocalDate asOf) {
        List<RuleFile> files = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleProblem> warnings = new ArrayList<>();
        Map<String, Integer> versions = new LinkedHashMap<>();
        Map<RuleFile, String> texts = new java.util.IdentityHashMap<>();
        for (Map.Entry<String, List<Parsed>> e : byPolicy.entrySet()) {
            Parsed chosen = chosen(e.getValue(), asOf);
            files.addAll(chosen.loaded().files());
            chosen.loaded().files().forEach(f -> texts.put(f, chosen.version().yaml()));
            problems.addAll(chosen.loaded().problems());
            warnings.addAll(chosen.loaded().warnings());
            versions.put(e.getKey(), chosen.version().version());
        }
        return new RuleBook.InForce(asOf, new RuleLibrary.Loaded(List.copyOf(files), List.copyOf(problems),
                List.copyOf(warnings)), java.util.Collections.unmodifiableMap(versions), java.util.Collections.unmodifiableMap(texts));
    }

    /** The latest whose effective date is on or before asOf; before all of them, the first. */
    private static Parsed chosen(List<Parsed> byDate, LocalDate asOf) {
        Parsed chosen = byDate.get(0);
        for (Parsed p : byDate) {
            if (!p.version().effectiveFrom().isAfter(asOf)) {
                chosen = p;
            }
        }
        return chosen;
    }
}
