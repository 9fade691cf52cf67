package huiqi.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/formats.md's indicator table stays true: every indicator of indicators.yaml, its granularity and flow/stock. */
class FormatsIndicatorTableTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9_]+)` \\| .* \\| ([日月季年]) \\| (流量|存量) \\|$");

    @Test
    void theTableListsEveryIndicatorWithItsGranularityAndKind() throws Exception {
        Path catalogFile = IndicatorCatalog.locate(Path.of(""));
        IndicatorCatalog catalog = IndicatorCatalog.load(catalogFile);
        Map<String, String> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(catalogFile.getParent().resolve("docs/formats.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                documented.put(m.group(1), m.group(2) + m.group(3));
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (IndicatorCatalog.Indicator i : catalog.indicators()) {
            String g = switch (i.granularity()) {
                case DAY -> "日";
                case MONTH -> "月";
                case QUARTER -> "季";
                case YEAR -> "年";
            };
            expected.put(i.id(), g + i.kind().label);
        }
        assertThat(documented).as("docs/formats.md “指标目录”表（指标 → 粒度+流量/存量）").isEqualTo(expected);
    }
}
