package huiqi.web.rules.editor;

import huiqi.enterprise.ProfileField;
import huiqi.facts.IndicatorCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Completion of names in expressions: the officer types Chinese (规上工业) or the start of an id (elec) and is offered
 * the catalog's attributes and indicators (indicators.yaml, matched by name, synonyms and id), the profile fields and
 * the names the rule file defines itself (parameters, lets). What is inserted is always the id the language reads.
 */
@Component
public class IndicatorCompletion {
    static final int LIMIT = 12;

    /** One offer: the id to insert, its Chinese name, what it is (属性 / 指标 / 画像 / 参数) and its unit or type. */
    public record Offer(String id, String name, String kind, String detail, String matched) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final IndicatorCatalog catalog;
    private final java.util.Set<String> known = new java.util.HashSet<>();

    private record Entry(Offer offer, List<String> words) {
    }

    public IndicatorCompletion(IndicatorCatalog catalog) {
        this.catalog = catalog;
        for (IndicatorCatalog.Attribute a : catalog.attributes()) {
            add(new Offer(a.id(), a.name(), "属性", a.type().name().toLowerCase(Locale.ROOT), null), a.name(), catalog.synonyms(a.id()));
        }
        addIndicators();
        for (ProfileField f : ProfileField.values()) {
            add(new Offer(f.id(), f.label(), "画像", f.type().name().toLowerCase(Locale.ROOT), null), f.label(), List.of());
        }
    }

    /** The catalog's indicators not offered yet: it grows when a rule set that proposes indicators is published. */
    private synchronized void addIndicators() {
        for (IndicatorCatalog.Indicator i : catalog.indicators()) {
            if (known.add(i.id())) {
                add(new Offer(i.id(), i.name(), "指标", i.unit() + "，" + i.granularity().name().toLowerCase(Locale.ROOT)
                        + "，写作 " + i.id() + "[期间]", null), i.name(), catalog.synonyms(i.id()));
            }
        }
    }

    private void add(Offer offer, String name, List<String> synonyms) {
        List<String> words = new ArrayList<>();
        words.add(name);
        words.addAll(synonyms);
        entries.add(new Entry(offer, words));
    }

    /**
     * Offers for what the officer has typed ({@code prefix}: the word before the caret), best first: an id starting
     * with it, then a Chinese name or synonym containing it. {@code local} are the file's own names (id → label).
     */
    public List<Offer> complete(String prefix, List<Offer> local) {
        String q = prefix == null ? "" : prefix.strip();
        if (q.isEmpty() || q.length() > 40) {
            return List.of();
        }
        String lower = q.toLowerCase(Locale.ROOT);
        List<Scored> scored = new ArrayList<>();
        addIndicators();
        List<Entry> all = new ArrayList<>();
        local.forEach(o -> all.add(new Entry(o, o.name() == null ? List.of() : List.of(o.name()))));
        synchronized (this) {
            all.addAll(entries);
        }
        for (Entry e : all) {
            int score = Integer.MAX_VALUE;
            String matched = null;
            if (e.offer().id().startsWith(lower)) {
                score = 0;
            } else if (e.offer().id().contains(lower)) {
                score = 10;
            }
            for (int i = 0; i < e.words().size(); i++) {
                String w = e.words().get(i);
                int at = w.indexOf(q);
                if (at >= 0 && 1 + at + i < score) {
                    score = 1 + at + (i == 0 ? 0 : 1);
                    matched = i == 0 ? null : w;
                }
            }
            if (score < Integer.MAX_VALUE) {
                Offer o = e.offer();
                scored.add(new Scored(new Offer(o.id(), o.name(), o.kind(), o.detail(), matched), score));
            }
        }
        return scored.stream().sorted(Comparator.comparingInt(Scored::score).thenComparing(s -> s.offer().id()))
                .map(Scored::offer).distinct().limit(LIMIT).toList();
    }

    private record Scored(Offer offer, int score) {
    }
}
