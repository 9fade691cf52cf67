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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Administrative divisions and parks known to huiqi (resource {@code regions-fujian.csv}), and the lookup
 * from an issuing organ's name ("福州市鼓楼区人民政府办公室") to the most specific division it names.
 */
public final class RegionTable {
    /** One row of the table: a province, city, county/district or park. */
    public record Entry(String code, String name, String shortName, String parentCode, Level level,
                        List<String> aliases) {
        /** Names by which an issuer may mention this division. Short names only for provinces, cities, parks. */
        List<String> matchNames() {
            List<String> names = new ArrayList<>();
            names.add(name);
            if (level != Level.COUNTY && shortName.length() >= 2) {
                names.add(shortName);
            }
            aliases.stream().filter(a -> a.length() >= 2).forEach(names::add);
            return names;
        }
    }

    private static final RegionTable DEFAULT = load("regions-fujian.csv");

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

    public static RegionTable fujian() {
        return DEFAULT;
    }

    public List<Entry> entries() {
        return entries;
    }

    static RegionTable load(String resource) {
        try (InputStream in = RegionTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("缺少资源文件 " + resource);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader()
                    .setSkipHeaderRecord(true).setTrim(true).get();
            List<Entry> list = new ArrayList<>();
            for (CSVRecord r : format.parse(reader)) {
                String aliases = r.get("aliases");
                list.add(new Entry(r.get("code"), r.get("name"), r.get("short"), r.get("parent"),
                        Level.ofLabel(r.get("level")),
                        aliases.isEmpty() ? List.of() : Arrays.asList(aliases.split("\\|"))));
            }
            return new RegionTable(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The most specific division named in {@code text}: a park or county before its city, a city before the
     * province; among equals the longest name. A county whose city is named in the text wins over a
     * same-level entry of another city.
     */
    public Optional<Entry> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        record Hit(Entry entry, int length) {
        }
        List<Hit> hits = new ArrayList<>();
        for (Entry e : entries) {
            int best = 0;
            for (String n : e.matchNames()) {
                if (text.contains(n)) {
                    best = Math.max(best, n.length());
                }
            }
            if (best > 0 && !namedUnderAnotherPlace(text, e)) {
                hits.add(new Hit(e, best));
            }
        }
        List<String> namedCodes = hits.stream().map(h -> h.entry().code()).toList();
        return hits.stream()
                .max(Comparator.<Hit>comparingInt(h -> depth(h.entry().level()))
                        .thenComparing(h -> namedCodes.contains(h.entry().parentCode()))
                        .thenComparingInt(Hit::length))
                .map(Hit::entry);
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
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([\\u4e00-\\u9fff]{2,4}?[省市])$")
                .matcher(text.substring(0, at));
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
            case PROVINCE -> 0;
            case CITY -> 1;
            case COUNTY -> 2;
            case PARK -> 3;
        };
    }
}
