package huiqi.web.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Files a user left with the platform for later (a parsed upload awaiting 保存, an import's full problem report):
 * on disk under {@code ${huiqi.data-dir}/<area>/<owner>/<token>/}, never in the HTTP session. Each owner keeps at
 * most {@code huiqi.pending.max-per-user} entries per area (the oldest goes first); entries expire after
 * {@code huiqi.pending.ttl-hours}, swept at start-up and every hour. Only the owner finds its entry by token.
 */
@Component
public class OwnedFiles {
    private static final Logger LOG = LoggerFactory.getLogger(OwnedFiles.class);
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path root;
    private final int maxPerUser;
    private final Duration ttl;

    OwnedFiles(@Value("${huiqi.data-dir}") Path dataDir,
               @Value("${huiqi.pending.max-per-user:5}") int maxPerUser,
               @Value("${huiqi.pending.ttl-hours:24}") long ttlHours) {
        this.root = dataDir.toAbsolutePath().normalize();
        this.maxPerUser = maxPerUser;
        this.ttl = Duration.ofHours(ttlHours);
        sweep();
    }

    /** A new, empty entry directory for {@code owner} in {@code area}; the oldest entries beyond the limit go. */
    public synchronized Entry create(String area, String owner) {
        Path dir = ownerDir(area, owner);
        try {
            Files.createDirectories(dir);
            List<Path> existing = entries(dir);
            for (int i = 0; i <= existing.size() - maxPerUser; i++) {
                delete(existing.get(i));
            }
            String token = UUID.randomUUID().toString();
            Path entry = Files.createDirectory(dir.resolve(token));
            return new Entry(token, entry);
        } catch (IOException e) {
            throw new UncheckedIOException("无法保存待处理文件", e);
        }
    }

    /** The owner's unexpired entry, if the token is one of its own. */
    public Optional<Entry> find(String area, String owner, String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Path entry = ownerDir(area, owner).resolve(token);
        if (!Files.isDirectory(entry) || expired(entry, Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(new Entry(token, entry));
    }

    public void remove(Entry entry) {
        delete(entry.dir());
    }

    /** How many entries {@code owner} holds in {@code area}. */
    public int count(String area, String owner) {
        Path dir = ownerDir(area, owner);
        return Files.isDirectory(dir) ? entries(dir).size() : 0;
    }

    /** Deletes every expired entry (at start-up and hourly). */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    public void sweep() {
        if (!Files.isDirectory(root)) {
            return;
        }
        Instant now = Instant.now();
        try (Stream<Path> areas = Files.list(root)) {
            for (Path area : areas.filter(Files::isDirectory).toList()) {
                if (!Files.isRegularFile(area.resolve(".owned-files"))) {
                    continue; // not one of ours (pg, …)
                }
                try (Stream<Path> owners = Files.list(area)) {
                    for (Path owner : owners.filter(Files::isDirectory).toList()) {
                        entries(owner).stream().filter(e -> expired(e, now)).forEach(OwnedFiles::delete);
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("清理过期的待处理文件失败: {}", e.toString());
        }
    }

    public record Entry(String token, Path dir) {
        public Path file(String name) {
            return dir.resolve(name);
        }
    }

    private Path ownerDir(String area, String owner) {
        Path a = root.resolve(area);
        try {
            Files.createDirectories(a);
            Path marker = a.resolve(".owned-files");
            if (!Files.exists(marker)) {
                Files.writeString(marker, "huiqi pending files; entries expire after " + ttl + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法创建目录 " + area, e);
        }
        return a.resolve(hash(owner));
    }

    private boolean expired(Path entry, Instant now) {
        try {
            FileTime t = Files.getLastModifiedTime(entry);
            return t.toInstant().plus(ttl).isBefore(now);
        } catch (IOException e) {
            return true;
        }
    }

    private static List<Path> entries(Path ownerDir) {
        try (Stream<Path> s = Files.list(ownerDir)) {
            return s.filter(Files::isDirectory).sorted(Comparator.comparing(OwnedFiles::modified)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Usernames become directory names only through a hash: no path tricks, no special characters. */
    private static String hash(String owner) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(owner.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("无法删除 {}: {}", dir, e.toString());
        }
    }
}
