package huiqi.enterprise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Detects how a CSV file from a government department is encoded: UTF-8 with a byte-order mark, UTF-8, or
 * else GBK (read as GB18030, its superset, so that rarer characters in names survive). A file is taken as
 * UTF-8 only if every byte of it decodes as UTF-8; GBK text practically never does.
 */
public final class CsvEncoding {
    public static final Charset GBK = Charset.forName("GB18030");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvEncoding() {
    }

    public static Charset detect(Path file) throws IOException {
        if (hasBom(file)) {
            return StandardCharsets.UTF_8;
        }
        try (InputStream in = Files.newInputStream(file);
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT)
                     .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            char[] buf = new char[1 << 16];
            while (r.read(buf) >= 0) {
                // decoding is the check
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return GBK;
        }
    }

    static boolean hasBom(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            return head.length == 3 && head[0] == BOM[0] && head[1] == BOM[1] && head[2] == BOM[2];
        }
    }

    /** A reader positioned after the byte-order mark, if any. */
    static Reader open(Path file, Charset cs) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (cs.equals(StandardCharsets.UTF_8) && hasBom(file)) {
            in.skipNBytes(3);
        }
        return new BufferedReader(new InputStreamReader(in, cs), 1 << 16);
    }
}
