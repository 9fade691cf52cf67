package huiqi.app.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The embedded PostgreSQL never trusts the host. zonky initialises a cluster with {@code trust} for every
 * connection, so any local user could connect as superuser and, for example, drop the ledger's append-only
 * trigger. On every start this sets a generated superuser password (kept in {@code <db dir>.password}, readable
 * by the owner only) and rewrites pg_hba.conf to {@code scram-sha-256}; a cluster created by an older version
 * (trust, no password) is secured the same way on its next start.
 */
public final class EmbeddedPostgresSecret {
    public static final String SUPERUSER = "postgres";
    private static final Pattern TRUST = Pattern.compile("\\btrust\\b");

    private EmbeddedPostgresSecret() {
    }

    /** A started server and the password its superuser now has. */
    public record Running(EmbeddedPostgres server, String password) implements Closeable {
        public String jdbcUrl() {
            return server.getJdbcUrl(SUPERUSER, "postgres");
        }

        @Override
        public void close() throws IOException {
            server.close();
        }

        @Override
        public String toString() {
            return "Running[port=" + server.getPort() + "]";
        }
    }

    public static Path secretFile(Path dataDirectory) {
        Path absolute = dataDirectory.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".password");
    }

    public static Running start(Path dataDirectory, boolean clean, Consumer<EmbeddedPostgres.Builder> settings)
            throws IOException {
        Files.createDirectories(dataDirectory);
        String password = readOrCreatePassword(secretFile(dataDirectory));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(clean)
                // used by zonky's readiness check; ignored while pg_hba.conf still says trust
                .setConnectConfig("password", password);
        settings.accept(builder);
        EmbeddedPostgres server = builder.start();
        try {
            secure(server, dataDirectory, password);
        } catch (IOException | SQLException | RuntimeException e) {
            server.close();
            throw new IOException("无法为内置数据库设置口令：" + e.getMessage(), e);
        }
        return new Running(server, password);
    }

    private static void secure(EmbeddedPostgres server, Path dataDirectory, String password)
            throws IOException, SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("set password_encryption = 'scram-sha-256'");
            // the password is 32 hex digits (readOrCreatePassword checks), so quoting it is safe
            s.execute("alter role " + SUPERUSER + " with password '" + password + "'");
            Path hba = dataDirectory.resolve("pg_hba.conf");
            String conf = Files.readString(hba, StandardCharsets.UTF_8);
            if (TRUST.matcher(conf).find()) {
                writeAtomically(hba, TRUST.matcher(conf).replaceAll("scram-sha-256"), false);
                s.execute("select pg_reload_conf()");
            }
        }
    }

    private static String readOrCreatePassword(Path file) throws IOException {
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (!stored.matches("[0-9a-f]{32}")) {
                throw new IOException("内置数据库口令文件 " + file.getFileName() + " 已损坏");
            }
            return stored;
        }
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        writeAtomically(file, password + "\n", true);
        return password;
    }

    private static void writeAtomically(Path file, String text, boolean ownerOnly) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (ownerOnly) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
