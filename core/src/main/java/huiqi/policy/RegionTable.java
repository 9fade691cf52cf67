package huiqi.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Administrative divisions of China (resource {@code regions/divisions.csv}, 国家统计局 2023 edition of the
 * GB/T 2260 codes, see regions/README.md) and parks/新区 ({@code regions/zones.csv}), and the lookup from an
 * issuing organ's name ("福州市鼓楼区人民政府办公室") to the most specific division it names.
 */
public final class RegionTable {
    /**
     * One row of the table: a province, city, county/district or park. A park (功能区) carries the code of the
     * government that runs it; {@code zone} says what kind of 功能区 it is ("国家级新区", "园区", "功能区"), empty
     * for divisions.
     */
    public record Entry(String code, String name, String shortName, String parentCode, Level level,
                        List<String> aliases, String zone) {
        /** Names by which an issuer may mention this division. Short names only for provinces, cities, parks. */
        List<String> matchNames() {
            List<String> names = new ArrayList<>();
            names.add(name);
            if (level != Level.COUNTY && shortName.length() >= 2 && !shortName.equals(name)) {
                names.add(shortName);
            }
            aliases.stream().filter(a -> a.length() >= 2).forEach(names::add);
            return names;
        }
    }

    /** County names that are ordinary words too: only believed right after their city's name. */
    private static final Set<String> GENERIC = Set.of("城区", "郊区", "矿区", "东区", "西区");
    /** After a short name these characters mean it is part of another division's full name ("海南省" is not 海南州). */
    private static final String DIVISION_SUFFIX = "省市州县区盟旗";
    private static final Pattern PLACE_BEFORE = Pattern.compile("([\\u4e00-\\u9fff]{2,4}?[省市])$");

    private static final RegionTable NATIONAL = load("regions/divisions.csv", "regions/zones.csv");
    private static final RegionTable FUJIAN = new RegionTable(
            NATIONAL.entries.stream().filter(e -> e.code().startsWith("35")).toList());

    private final List<Entry> entries;
    private final Map<String, Entry> byCode = new HashMap<>();

    private RegionTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : entries) {
            if (e.level() != Level.PARK) {
                byCode.putIfAbsent(e.code(), e);
            }
        }
    }

    /** Every province, city and county of China, and the known parks and 国家级新区. */
    public static RegionTable national() {
        return NATIONAL;
    }

    /** The Fujian part of the national table. */
    public static RegionTable fujian() {
        return FUJIAN;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The division with this code (never a park), if any. */
    public Optional<Entry> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    static RegionTable load(String... resources) {
        List<Entry> list = new ArrayList<>();
        for (String resource : resources) {
            try (InputStream in = RegionTable.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("缺少资源文件 " + resource);
                }
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader()
                        .setSkipHeaderRecord(true).setTrim(true).get();
                for (CSVRecord r : format.parse(reader)) {
                    String aliases = r.get("aliases");
                    list.add(new Entry(r.get("code"), r.get("name"), r.get("short"), r.get("parent"),
                            Level.ofLabel(r.get("level")),
                            aliases.isEmpty() ? List.of() : Arrays.asList(aliases.split("\\|")),
                            r.isMapped("zone") ? r.get("zone") : ""));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new RegionTable(mergeAliases(list));
    }

    /** A division listed again (in zones.csv) only to add aliases ("平潭综合实验区" for 平潭县) is merged into its row. */
    private static List<Entry> mergeAliases(List<Entry> list) {
        Map<String, Integer> at = new HashMap<>();
        List<Entry> out = new ArrayList<>();
        for (Entry e : list) {
            String key = e.code() + "|" + e.name() + "|" + e.level();
            Integer i = at.get(key);
            if (i == null) {
                at.put(key, out.size());
                out.add(e);
            } else {
                Entry old = out.get(i);
                List<String> aliases = new ArrayList<>(old.aliases());
                e.aliases().stream().filter(a -> !aliases.contains(a)).forEach(aliases::add);
                out.set(i, new Entry(old.code(), old.name(), old.shortName(), old.parentCode(), old.level(),
                        List.copyOf(aliases), old.zone()));
            }
        }
        return out;
    }

    /** The most specific division named in {@code text}; see {@link #find(String, String)}. */
    public Optional<Entry> find(String text) {
        return find(text, null);
    }

    /**
     * The most specific division named in {@code text}: a park or county before its city, a city before the
     * province; a county whose city or province is named in the text (else in {@code context}, the rest of the
     * document) wins over a namesake elsewhere; then the longest name. Namesakes that nothing tells apart
     * ("鼓楼区人民政府" alone: 福州, 南京, 徐州 or 开封) give no answer rather than a guess.
     */
    public Optional<Entry> find(String text, String context) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        record Hit(Entry entry, int length, int ancestorInText, int ancestorInContext) {
        }
        List<Hit> hits = new ArrayList<>();
        for (Entry e : entries) {
            int best = 0;
            for (String n : e.matchNames()) {
                if (n.length() > best && mentions(text, n, e)) {
                    best = n.length();
                }
            }
            if (best > 0 && !namedUnderAnotherPlace(text, e)) {
                hits.add(new Hit(e, best, ancestorNamed(text, e), context == null ? 0 : ancestorNamed(context, e)));
            }
        }
        Comparator<Hit> order = Comparator.<Hit>comparingInt(h -> depth(h.entry().level()))
                .thenComparingInt(Hit::ancestorInText)
                .thenComparingInt(Hit::ancestorInContext)
                .thenComparingInt(Hit::length);
        Optional<Hit> top = hits.stream().max(order);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        boolean tied = hits.stream().anyMatch(h -> order.compare(h, top.get()) == 0
                && !h.entry().code().equals(top.get().entry().code()));
        return tied ? Optional.empty() : Optional.of(top.get().entry());
    }

    /** Whether {@code text} names entry {@code e} by {@code name} at a place where that name stands for it. */
    private boolean mentions(String text, String name, Entry e) {
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            int after = at + name.length();
            boolean shortForm = !name.equals(e.name());
            char own = e.name().charAt(e.name().length() - 1);
            if (shortForm && e.level() != Level.PARK && after < text.length()
                    && DIVISION_SUFFIX.indexOf(text.charAt(after)) >= 0 && text.charAt(after) != own) {
                continue;
            }
            if (e.level() == Level.COUNTY && (GENERIC.contains(name) || name.length() <= 2)) {
                Entry parent = byCode.get(e.parentCode());
                String before = text.substring(0, at);
                boolean afterParent = parent != null
                        && (before.endsWith(parent.name()) || before.endsWith(parent.shortName()));
                boolean standsAlone = at == 0 || Character.UnicodeScript.of(text.charAt(at - 1))
                        != Character.UnicodeScript.HAN;
                if (!afterParent && (GENERIC.contains(name) || !standsAlone)) {
                    continue;
                }
            }
            return true;
        }
        return false;
    }

    /** 2 when the entry's parent is named in {@code text}, 1 when its grandparent is, else 0. */
    private int ancestorNamed(String text, Entry e) {
        if (e.level() == Level.PROVINCE) {
            return 0;
        }
        Entry parent = byCode.get(e.parentCode());
        if (parent == null) {
            return 0;
        }
        if (e.level() != Level.PARK && namesOf(text, parent)) {
            return 2;
        }
        Entry grand = byCode.get(parent.parentCode());
        if (e.level() == Level.PARK) {
            return namesOf(text, parent) ? 2 : 0;
        }
        return grand != null && namesOf(text, grand) ? 1 : 0;
    }

    private boolean namesOf(String text, Entry e) {
        return text.contains(e.name()) || e.shortName().length() >= 2 && mentions(text, e.shortName(), e);
    }

    /**
     * "南京市鼓楼区" is not Fuzhou's 鼓楼区: a county or park written right after the name of a city or
     * province that is not its own does not match.
     */
    private boolean namedUnderAnotherPlace(String text, Entry e) {
        if (e.level() == Level.PROVINCE || e.level() == Level.CITY) {
            return false;
        }
        int at = text.indexOf(e.name());
        if (at < 0) {
            return false;
        }
        Matcher m = PLACE_BEFORE.matcher(text.substring(0, at));
        if (!m.find()) {
            return false;
        }
        String place = m.group(1);
        Entry parent = byCode.get(e.parentCode());
        Entry province = parent == null ? null : byCode.get(parent.parentCode());
        return !(parent != null && place.endsWith(parent.name()) || province != null && place.endsWith(province.name())
                || parent != null && place.endsWith(parent.shortName() + "市"));
    }

    /** The region record (with parent) for an entry. */
    public Region regionOf(Entry e) {
        Entry parent = e.parentCode().isEmpty() ? null : byCode.get(e.parentCode());
        return new Region(e.code(), e.name(), parent == null ? null : parent.code(),
                parent == null ? null : parent.name());
    }

    private static int depth(Level level) {
        return switch (level) {
            case CENTRAL -> -1;
            case PROVINCE -> 0;
            case CITY -> 1;
            case COUNTY -> 2;
            case PARK -> 3;
        };
    }
}
