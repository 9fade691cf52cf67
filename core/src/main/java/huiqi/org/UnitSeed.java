package huiqi.org;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The seeded directory ({@code huiqi/org/units.csv}, columns and sources in its README.md). */
public final class UnitSeed {
    public static final String RESOURCE = "units.csv";

    /** One seeded unit and the source the seed file gives for it. */
    public record Row(OrgUnit unit, String source) {
    }

    private UnitSeed() {
    }

    public static List<Row> load() {
        try (InputStream in = UnitSeed.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("缺少资源文件 huiqi/org/" + RESOURCE);
            }
            CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader()
                    .setSkipHeaderRecord(true).setTrim(true).get();
            List<Row> rows = new ArrayList<>();
            for (CSVRecord r : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                Government g = Government.of(r.get("region"), r.get("government"));
                rows.add(new Row(new OrgUnit(r.get("id"), r.get("name"), UnitType.ofLabel(r.get("type")), g,
                        r.get("parent").isEmpty() ? null : r.get("parent"),
                        aliases(r.get("name"), g, split(r.get("short")), split(r.get("aliases"))), true),
                        r.get("source")));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The full name, every spelling of each short name ({@link Spellings#of}), then the aliases as written. */
    public static List<String> aliases(String name, Government g, List<String> shorts, List<String> written) {
        Set<String> out = new LinkedHashSet<>();
        out.add(Spellings.normalize(name));
        String city = g.parent().filter(p -> p.level() == huiqi.policy.Level.CITY).map(Government::name).orElse(null);
        shorts.forEach(s -> out.addAll(Spellings.of(g, s, city)));
        written.stream().map(Spellings::normalize).filter(a -> !a.isEmpty()).forEach(out::add);
        return List.copyOf(out);
    }

    private static List<String> split(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return List.of(s.split("\\|"));
    }
}
