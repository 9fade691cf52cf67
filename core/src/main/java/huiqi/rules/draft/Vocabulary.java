package huiqi.rules.draft;

import huiqi.facts.IndicatorCatalog;
import huiqi.quantity.ChineseNumbers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog's Chinese names and synonyms as phrases to look for in a text: each phrase maps to the attribute
 * and indicator ids it names (one phrase may name two: 规模以上制造业企业 → above_scale_industrial, manufacturing).
 * Matching is longest phrase first, without overlaps, on half-width text.
 */
final class Vocabulary {

    /** A phrase found at [start, end) of the text, naming these catalog ids. */
    record Hit(String phrase, int start, int end, List<String> ids) {
    }

    private final IndicatorCatalog catalog;
    private final Map<String, Set<String>> phrases = new LinkedHashMap<>();

    Vocabulary(IndicatorCatalog catalog) {
        this.catalog = catalog;
        for (IndicatorCatalog.Attribute a : catalog.attributes()) {
            add(a.name().replaceAll("[（(][^）)]*[）)]", ""), a.id());
            catalog.synonyms(a.id()).forEach(s -> add(s, a.id()));
        }
        for (IndicatorCatalog.Indicator i : catalog.indicators()) {
            add(i.name().replaceAll("[（(][^）)]*[）)]", ""), i.id());
            catalog.synonyms(i.id()).forEach(s -> add(s, i.id()));
        }
    }

    private void add(String name, String id) {
        String phrase = ChineseNumbers.toHalfWidth(name).strip();
        if (phrase.length() >= 2) {
            phrases.computeIfAbsent(phrase, k -> new LinkedHashSet<>()).add(id);
        }
    }

    List<Hit> find(String text) {
        List<String> ordered = new ArrayList<>(phrases.keySet());
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        boolean[] taken = new boolean[text.length()];
        List<Hit> hits = new ArrayList<>();
        for (String p : ordered) {
            for (int at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) {
                boolean free = true;
                for (int k = at; k < at + p.length(); k++) {
                    free &= !taken[k];
                }
                if (free) {
                    for (int k = at; k < at + p.length(); k++) {
                        taken[k] = true;
                    }
                    hits.add(new Hit(p, at, at + p.length(), List.copyOf(phrases.get(p))));
                }
            }
        }
        hits.sort(Comparator.comparingInt(Hit::start));
        return hits;
    }

    boolean isIndicator(String id) {
        return catalog.indicator(id).isPresent();
    }

    boolean isBooleanAttribute(String id) {
        return catalog.attribute(id).map(a -> a.type() == huiqi.facts.AttributeType.BOOLEAN).orElse(false);
    }

    IndicatorCatalog catalog() {
        return catalog;
    }
}
