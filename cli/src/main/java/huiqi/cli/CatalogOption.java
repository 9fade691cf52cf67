package huiqi.cli;

import huiqi.facts.IndicatorCatalog;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --catalog FILE for commands that read data files: the indicator catalog, by default indicators.yaml found upwards. */
final class CatalogOption {
    @Option(names = "--catalog", paramLabel = "FILE", description = "指标目录（默认从当前目录向上查找 indicators.yaml）")
    Path file;

    IndicatorCatalog load() throws IOException {
        return IndicatorCatalog.load(file != null ? file : IndicatorCatalog.locate(Path.of("")));
    }
}
