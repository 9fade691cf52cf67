package huiqi.enterprise;

import huiqi.facts.FactValue;
import huiqi.facts.Facts;
import huiqi.facts.Provenance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link EnterpriseStore} in memory, for the CLI, tests and single-machine use. A batch is staged into copies
 * of the affected enterprises and only then swapped in, under one lock, so readers never see half of it.
 */
public final class InMemoryEnterpriseStore implements EnterpriseStore {
    private final Map<String, Enterprise> profiles = new TreeMap<>();
    private final Map<String, Facts> facts = new HashMap<>();
    private final Map<String, Map<String, Provenance>> provenance = new HashMap<>();

    @Override
    public synchronized boolean contains(String uscc) {
        return profiles.containsKey(uscc);
    }

    @Override
    public synchronized Optional<Enterprise> profile(String uscc) {
        return Optional.ofNullable(profiles.get(uscc));
    }

    @Override
    public synchronized Optional<EnterpriseRecord> record(String uscc) {
        Enterprise e = profiles.get(uscc);
        return e == null ? Optional.empty() : Optional.of(new EnterpriseRecord(e, copy(facts.get(uscc))));
    }

    @Override
    public synchronized Optional<Provenance> provenance(String uscc, String field) {
        return Optional.ofNullable(provenance.getOrDefault(uscc, Map.of()).get(field));
    }

    @Override
    public synchronized Collection<String> usccs() {
        return List.copyOf(profiles.keySet());
    }

    @Override
    public synchronized long factCount() {
        return facts.values().stream().mapToLong(Facts::size).sum();
    }

    @Override
    public synchronized void apply(ImportBatch batch) {
        List<ImportProblem> unknown = new ArrayList<>();
        Set<String> incoming = new HashSet<>();
        batch.profiles().forEach(p -> incoming.add(p.uscc()));
        for (ImportedFact f : batch.facts()) {
            if (!profiles.containsKey(f.uscc()) && !incoming.contains(f.uscc())) {
                Provenance p = f.value().provenance();
                unknown.add(new ImportProblem(p == null ? "" : p.file(), p == null || p.row() == null ? 0 : p.row(),
                        "uscc", "企业 " + f.uscc() + " 不在企业档案中"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ImportRejectedException(unknown);
        }

        Map<String, Enterprise> newProfiles = new LinkedHashMap<>();
        Map<String, Map<String, Provenance>> newProvenance = new HashMap<>();
        for (ImportedProfile p : batch.profiles()) {
            Enterprise old = newProfiles.getOrDefault(p.uscc(), profiles.get(p.uscc()));
            Map<String, Object> attrs = new LinkedHashMap<>(old == null ? Map.of() : old.attributes());
            attrs.putAll(p.attributes());
            newProfiles.put(p.uscc(), new Enterprise(p.uscc(),
                    p.name() != null ? p.name() : old == null ? null : old.name(),
                    p.regionCode() != null ? p.regionCode() : old == null ? null : old.regionCode(),
                    p.industryCode() != null ? p.industryCode() : old == null ? null : old.industryCode(),
                    p.size() != null ? p.size() : old == null ? null : old.size(),
                    attrs));
            Map<String, Provenance> prov = newProvenance.computeIfAbsent(p.uscc(),
                    k -> new HashMap<>(provenance.getOrDefault(k, Map.of())));
            if (p.name() != null) prov.put("name", p.provenance());
            if (p.regionCode() != null) prov.put("region_code", p.provenance());
            if (p.industryCode() != null) prov.put("industry_code", p.provenance());
            if (p.size() != null) prov.put("size", p.provenance());
            p.attributes().keySet().forEach(a -> prov.put(a, p.provenance()));
        }
        Map<String, Facts> newFacts = new HashMap<>();
        for (ImportedFact f : batch.facts()) {
            newFacts.computeIfAbsent(f.uscc(), k -> copy(facts.get(k))).put(f.value());
        }
        for (ImportedItems list : batch.items()) { // a list replaces the stored list of its kind
            if (!profiles.containsKey(list.uscc()) && !incoming.contains(list.uscc())) {
                throw new ImportRejectedException(List.of(new ImportProblem(list.file(), list.row(), "uscc",
                        "企业 " + list.uscc() + " 不在企业档案中")));
            }
            Facts f = newFacts.computeIfAbsent(list.uscc(), k -> copy(facts.get(k)));
            f.replaceItems(list.kind(), list.items());
        }
        // commit: plain map puts, nothing left that can fail half way
        profiles.putAll(newProfiles);
        provenance.putAll(newProvenance);
        facts.putAll(newFacts);
    }

    private static Facts copy(Facts source) {
        Facts out = Facts.empty();
        if (source != null) {
            for (String indicator : source.indicators()) {
                for (FactValue v : source.all(indicator)) {
                    out.put(v);
                }
            }
            for (String kind : source.itemKinds()) {
                out.replaceItems(kind, source.items(kind));
            }
        }
        return out;
    }
}
