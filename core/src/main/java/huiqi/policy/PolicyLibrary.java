package huiqi.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The policy library on disk: {@code policies/<id>/source.txt}, one folder per document (id such as
 * "fz-2024-2"). Lists the documents and parses them on demand, caching each parse.
 */
public final class PolicyLibrary {
    public static final String SOURCE_FILE = "source.txt";

    private final Path root;
    private final PolicyParser parser;
    private final Map<String, PolicyDocument> cache = new ConcurrentHashMap<>();

    public PolicyLibrary(Path root) {
        this(root, new PolicyParser());
    }

    public PolicyLibrary(Path root, PolicyParser parser) {
        this.root = root;
        this.parser = parser;
    }

    /**
     * The library of this checkout: the system property {@code huiqi.policies} if set, else the first
     * {@code policies/} folder found in the working directory or one of its parents.
     */
    public static PolicyLibrary locate() {
        String configured = System.getProperty("huiqi.policies");
        if (configured != null && !configured.isBlank()) {
            return new PolicyLibrary(Path.of(configured));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("policies");
            if (Files.isDirectory(candidate)) {
                return new PolicyLibrary(candidate);
            }
        }
        return new PolicyLibrary(Path.of("policies"));
    }

    public Path root() {
        return root;
    }

    /** Ids of all documents (folders holding a source.txt), sorted. */
    public List<String> ids() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve(SOURCE_FILE)))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path sourceOf(String id) {
        return root.resolve(id).resolve(SOURCE_FILE);
    }

    /** The parsed document with this id. */
    public PolicyDocument load(String id) throws PolicyReadException {
        PolicyDocument cached = cache.get(id);
        if (cached != null) {
            return cached;
        }
        if (id.contains("/") || id.contains("\\") || id.contains("..") || !Files.isRegularFile(sourceOf(id))) {
            throw new PolicyReadException("政策库中没有文件 " + id);
        }
        PolicyDocument doc = parser.parse(sourceOf(id));
        cache.put(id, doc);
        return doc;
    }

    /** Every document of the library by id, in id order. */
    public Map<String, PolicyDocument> loadAll() throws PolicyReadException {
        Map<String, PolicyDocument> all = new LinkedHashMap<>();
        for (String id : ids()) {
            all.put(id, load(id));
        }
        return all;
    }

    /** The id of the document with this 文号 ("榕政办规〔2024〕2号"; brackets and spaces may differ). */
    public Optional<String> idOf(String docNumber) throws PolicyReadException {
        String wanted = normalise(docNumber);
        for (Map.Entry<String, PolicyDocument> e : loadAll().entrySet()) {
            if (e.getValue().docNumber() != null && normalise(e.getValue().docNumber()).equals(wanted)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    private static String normalise(String docNumber) {
        return Canon.tidy(Canon.of(docNumber)).replace('(', '[').replace(')', ']');
    }
}
