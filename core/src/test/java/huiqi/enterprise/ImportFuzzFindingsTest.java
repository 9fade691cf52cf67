package huiqi.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs the import fuzz targets (TableImportFuzzTest) found escaping as something else than the documented errors. */
class ImportFuzzFindingsTest {
    @TempDir
    Path dir;

    @Test
    void aHeaderWithAStrayQuoteIsAnIOExceptionNotAnUncheckedOne() throws IOException {
        // was java.io.UncheckedIOException (commons-csv's CSVException) out of TableReader.read
        Path f = dir.resolve("坏表头.csv");
        Files.writeString(f, "uscc,\"name\"x,region_code\n1,2,3\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TableReader.read(f)).isInstanceOf(IOException.class).hasMessageContaining("表头（第1行起）无法解析");
        assertThatThrownBy(() -> new EnterpriseImporter(ImportFixtures.CATALOG, new InMemoryEnterpriseStore()).importFile(f))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> assertThat(p.reason()).contains("表头（第1行起）无法解析")));
    }
}
