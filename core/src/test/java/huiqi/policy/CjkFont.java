package huiqi.policy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A Chinese font PDFBox can embed into a test PDF: TrueType outlines (not OpenType/CFF such as Noto CJK).
 * scripts/run-tests installs fonts-wqy-microhei when none is present.
 */
final class CjkFont {
    static final String SAMPLE = "政策责任单位〔〕（）";
    private static final List<String> PREFERRED = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/arphic/uming.ttc");

    private CjkFont() {
    }

    /** Loads the first usable font into {@code doc}, or empty if the machine has none. */
    static Optional<PDType0Font> load(PDDocument doc) {
        for (Path p : candidates()) {
            try {
                Optional<PDType0Font> f = tryLoad(doc, p.toFile());
                if (f.isPresent()) {
                    return f;
                }
            } catch (IOException | RuntimeException e) {
                // not usable, try the next one
            }
        }
        return Optional.empty();
    }

    private static List<Path> candidates() {
        List<Path> list = new ArrayList<>();
        PREFERRED.stream().map(Path::of).filter(Files::isRegularFile).forEach(list::add);
        Path fonts = Path.of("/usr/share/fonts");
        if (Files.isDirectory(fonts)) {
            try (Stream<Path> s = Files.walk(fonts)) {
                s.filter(p -> p.toString().endsWith(".ttf") || p.toString().endsWith(".ttc"))
                        .filter(p -> !list.contains(p)).forEach(list::add);
            } catch (IOException e) {
                // ignore: no further candidates
            }
        }
        return list;
    }

    private static Optional<PDType0Font> tryLoad(PDDocument doc, File file) throws IOException {
        List<TrueTypeFont> fonts = new ArrayList<>();
        if (file.getName().endsWith(".ttc")) {
            TrueTypeCollection ttc = new TrueTypeCollection(file);
            ttc.processAllFonts(fonts::add);
        } else {
            fonts.add(new org.apache.fontbox.ttf.TTFParser().parse(
                    new org.apache.pdfbox.io.RandomAccessReadBufferedFile(file)));
        }
        for (TrueTypeFont ttf : fonts) {
            if (ttf instanceof OpenTypeFont otf && otf.isPostScript()) {
                continue;
            }
            boolean covers = SAMPLE.codePoints().allMatch(cp -> {
                try {
                    return ttf.getUnicodeCmapLookup().getGlyphId(cp) > 0;
                } catch (IOException e) {
                    return false;
                }
            });
            if (covers) {
                return Optional.of(PDType0Font.load(doc, ttf, true));
            }
        }
        return Optional.empty();
    }
}
