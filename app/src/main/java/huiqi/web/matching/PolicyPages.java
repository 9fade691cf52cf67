package huiqi.web.matching;

import huiqi.enterprise.Enterprise;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleLibrary;
import huiqi.web.enterprise.DataVersion;
import huiqi.web.enterprise.PgEnterpriseStore;
import huiqi.web.rules.RuleBook;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The 一企一策 page's content per enterprise, evaluated once per (data version, rule sets in force, day) and then
 * served from memory (issue 21 target 5). Keyed by the enterprise's code only: who may see it is decided before
 * ({@code @access.canSee}), and the content holds nothing of the viewer (officer links are the template's).
 * A hit costs one count query for the data version instead of two reads and the evaluation of every rule.
 */
@Component
public class PolicyPages {
    /**
     * What the page shows of one enterprise; {@code rendered} keeps the content's HTML by kind of viewer
     * ({@link PolicyContent}) and {@code pages} the whole page with the viewer's slots by role
     * ({@link WholePolicyPage}), both dropped with the rest when the page is.
     */
    public record Shown(Enterprise profile, PolicyPage page, Map<String, String> rendered,
                        Map<String, WholePolicyPage.Kept> pages) {
        Shown(Enterprise profile, PolicyPage page) {
            this(profile, page, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    /** Valid while the data version, the rule files in force (by identity: a publish loads new ones) and the day hold. */
    private record Entry(long dataVersion, List<RuleFile> files, LocalDate day, Shown shown) {
        boolean validFor(long version, List<RuleFile> inForce, LocalDate today) {
            if (version != dataVersion || !today.equals(day) || inForce.size() != files.size()) {
                return false;
            }
            for (int i = 0; i < files.size(); i++) {
                if (files.get(i) != inForce.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final RuleMatching matching;
    private final PgEnterpriseStore store;
    private final RuleBook book;
    private final DataVersion dataVersion;
    private final Map<String, Entry> entries;
    private final LongAdder evaluations = new LongAdder();

    PolicyPages(RuleMatching matching, PgEnterpriseStore store, RuleBook book, DataVersion dataVersion,
                @Value("${huiqi.policy-pages.cached:1000}") int capacity) {
        this.matching = matching;
        this.store = store;
        this.book = book;
        this.dataVersion = dataVersion;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The page of an enterprise, empty when there is no such enterprise. */
    public Optional<Shown> of(String uscc) {
        long version = dataVersion.current();
        RuleLibrary.Loaded library = book.current();
        LocalDate today = LocalDate.now();
        Entry cached;
        synchronized (entries) {
            cached = entries.get(uscc);
        }
        if (cached != null && cached.validFor(version, library.files(), today)) {
            return Optional.of(cached.shown());
        }
        Optional<Shown> shown = store.record(uscc).map(record -> {
            evaluations.increment();
            return new Shown(record.profile(), PolicyPage.of(matching.match(record, library)));
        });
        shown.ifPresent(s -> {
            Entry fresh = new Entry(version, List.copyOf(library.files()), today, s);
            synchronized (entries) {
                entries.put(uscc, fresh);
            }
        });
        return shown;
    }

    /** How many pages were evaluated rather than served from memory (tests: a hit must not evaluate). */
    long evaluations() {
        return evaluations.sum();
    }
}
