package huiqi.web.policy;

import huiqi.app.StartupStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the policy library shipped in policies/&lt;doc-id&gt;/source.txt into PostgreSQL. A document whose id
 * is already stored is skipped, so a second start imports nothing twice (and officer edits survive).
 */
@Component
@Order(10)
public class PolicySeeder implements StartupStep {
    private static final Logger log = LoggerFactory.getLogger(PolicySeeder.class);
    private static final Pattern DOCUMENT_LINE = Pattern.compile("document:\\s*\"?([^\"#]+?)\"?\\s*(#.*)?");

    private final PolicyStore store;
    private final PolicyParsing parsing;
    private final Path dir;

    public PolicySeeder(PolicyStore store, PolicyParsing parsing, @Value("${huiqi.policies-dir}") String dir) {
        this.store = store;
        this.parsing = parsing;
        this.dir = Path.of(dir);
    }

    @Override
    public List<String> run(boolean demo) {
        if (!Files.isDirectory(dir)) {
            return List.of("政策库：未找到目录 " + dir.toAbsolutePath().normalize() + "，未导入政策文件");
        }
        int imported = 0;
        int present = 0;
        try (Stream<Path> dirs = Files.list(dir)) {
            for (Path d : dirs.filter(p -> Files.isRegularFile(p.resolve("source.txt"))).sorted().toList()) {
                String id = d.getFileName().toString();
                if (store.exists(id)) {
                    present++;
                    continue;
                }
                try {
                    byte[] bytes = Files.readAllBytes(d.resolve("source.txt"));
                    store.insert(titled(parsing.parse(id, "source.txt", bytes), d), "seed", "source.txt", null, "system");
                    imported++;
                } catch (PolicyParsing.UnreadableDocumentException e) {
                    log.warn("政策文件 {} 未能导入：{}", d, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of("政策库：本次导入 " + imported + " 件，已存在 " + present + " 件（不重复导入）");
    }

    /**
     * A shipped text without a title line (pt-2023-1, qz-2023-1: pages that printed only the measures) takes the name
     * its rules.yaml gives the document, without the note “（未标文号）”; the stored title may not be empty.
     */
    static DocumentDraft titled(DocumentDraft draft, Path docDir) throws IOException {
        if (draft.title() != null && !draft.title().isBlank()) {
            return draft;
        }
        Path rules = docDir.resolve("rules.yaml");
        if (!Files.isRegularFile(rules)) {
            return draft;
        }
        for (String line : Files.readAllLines(rules)) {
            Matcher m = DOCUMENT_LINE.matcher(line);
            if (m.matches()) {
                return draft.withTitle(m.group(1).replace("（未标文号）", "").strip());
            }
        }
        return draft;
    }
}
