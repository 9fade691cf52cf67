package huiqi.testdata;

import huiqi.facts.FactValue;
import huiqi.facts.Facts;
import huiqi.facts.Item;
import huiqi.facts.Period;
import huiqi.facts.Provenance;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The data files of a hand-made fixture population (profiles.csv, facts.csv and items.csv in long form, as ./huiqi batch
 * reads them), written with the project's CSV printer. Each fact and item goes both into the file and into the
 * enterprise's {@link Facts}, so the records a fixture returns are the data it wrote.
 */
final class FixtureFiles implements Closeable {
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
    private static final String TEST_SOURCE = "测试";

    private final CSVPrinter profiles;
    private final CSVPrinter facts;
    private final CSVPrinter items;

    /** Creates {@code dir} and the three files with their headers; {@code attributes} are the profile columns after size. */
    FixtureFiles(Path dir, String... attributes) throws IOException {
        Files.createDirectories(dir);
        List<String> header = new ArrayList<>(List.of("uscc", "name", "region_code", "industry_code", "size"));
        header.addAll(List.of(attributes));
        profiles = printer(dir.resolve("profiles.csv"), header);
        facts = printer(dir.resolve("facts.csv"), List.of("uscc", "indicator", "period", "value"));
        items = printer(dir.resolve("items.csv"), List.of("uscc", "kind", "item_id", "field", "value"));
    }

    /** One profile row; {@code attributes} in the order of the constructor's columns. */
    void profile(String uscc, String name, String region, String industry, String size, Object... attributes) throws IOException {
        List<Object> row = new ArrayList<>(List.of(uscc, name, region, industry, size));
        row.addAll(List.of(attributes));
        profiles.printRecord(row);
    }

    void fact(Facts into, String uscc, String indicator, String period, BigDecimal value) throws IOException {
        into.put(new FactValue(indicator, Period.parse(period), value, Provenance.of(TEST_SOURCE)));
        facts.printRecord(uscc, indicator, period, value.toPlainString());
    }

    /** One listed item, a row per field given (in the map's order). */
    void item(Facts into, String uscc, String kind, String id, Map<String, Object> fields) throws IOException {
        into.add(new Item(kind, id, fields));
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            items.printRecord(uscc, kind, id, f.getKey(), f.getValue() instanceof BigDecimal b ? b.toPlainString() : f.getValue());
        }
    }

    /** A list declared empty (the enterprise has none), as opposed to a list not given. */
    void noItems(Facts into, String uscc, String kind) throws IOException {
        into.declareNone(kind);
        items.printRecord(uscc, kind, "", "", "");
    }

    @Override
    public void close() throws IOException {
        try (profiles; facts; items) {
            // closes all three, the others too when one fails
        }
    }

    private static CSVPrinter printer(Path file, List<String> header) throws IOException {
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSV);
        p.printRecord(header);
        return p;
    }
}
