package huiqi.cli;

import huiqi.facts.IndicatorCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Finds indicators.yaml: from the given directory upwards, else from the working directory upwards. */
final class Catalogs {
    private Catalogs() {
    }

    static IndicatorCatalog near(Path dir) {
        Path file;
        try {
            file = IndicatorCatalog.locate(dir);
        } catch (IllegalStateException e) {
            file = IndicatorCatalog.locate(Path.of(""));
        }
        try {
            return IndicatorCatalog.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + file + "：" + e.getMessage(), e);
        }
    }
}
