package huiqi.cli;

import huiqi.batch.whatif.Overlay;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The what-if of ./huiqi batch: parameter overrides from a file and from --set, the latter applied last. */
final class WhatIfOptions {
    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "试算：覆盖参数，如 fz-2024-2/7.rate=0.03元/千瓦时（可重复）")
    List<String> sets = new ArrayList<>();

    @Option(names = "--whatif", paramLabel = "FILE.yaml", description = "试算文件（set: {参数全名: 值}）")
    Path file;

    Overlay overlay() throws IOException {
        Overlay overlay = Overlay.NONE;
        if (file != null) {
            overlay = overlay.and(Overlay.load(file));
        }
        if (!sets.isEmpty()) {
            overlay = overlay.and(Overlay.parse(sets));
        }
        return overlay;
    }
}
