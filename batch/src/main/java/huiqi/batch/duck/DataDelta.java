package huiqi.batch.duck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A data directory written as an earlier one plus the enterprises changed since (issue 21 targets 1 and 6): beside
 * its full long data (profiles, facts, items) it has a subdirectory {@value #DIR} holding the name of the earlier
 * directory ({@value #BASE}), the changed enterprises' uscc ({@value #CHANGED}, one column uscc; an enterprise
 * deleted since is listed and has no rows) and their current rows in the same files as a full export. A wide table
 * cached for the earlier directory then becomes this one's by replacing only the changed enterprises' rows.
 * <p>Fact values must be written with as many decimals as their numbers need (PostgreSQL's {@code trim_scale}, as the
 * platform's export writes them): the decimals of the earlier rows are then measured on their typed values.
 */
public record DataDelta(Path base, Path dir) {
    public static final String DIR = "delta";
    public static final String BASE = "base";
    public static final String CHANGED = "changed.csv";

    /** The delta of {@code dataDir}, or null when it was written whole. */
    public static DataDelta of(Path dataDir) throws IOException {
        Path dir = dataDir.resolve(DIR);
        Path base = dir.resolve(BASE);
        if (!Files.isRegularFile(base) || !Files.isRegularFile(dir.resolve(CHANGED))) {
            return null;
        }
        return new DataDelta(dataDir.resolveSibling(Files.readString(base, StandardCharsets.UTF_8).trim()), dir);
    }

    /** Marks {@code dataDir} (whose {@value #DIR} subdirectory holds the changed rows) as built on {@code base}, a sibling. */
    public static void writeBase(Path dataDir, Path base) throws IOException {
        Files.writeString(dataDir.resolve(DIR).resolve(BASE), base.getFileName().toString(), StandardCharsets.UTF_8);
    }

    public Path changed() {
        return dir.resolve(CHANGED);
    }
}
