package huiqi.app.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database refuses connections without the generated password (finding: trust on 127.0.0.1). */
class EmbeddedPostgresSecretTest {

    @TempDir
    Path temp;

    @Test
    void newClusterNeedsThePasswordStoredOwnerOnly() throws Exception {
        Path dir = temp.resolve("pg");
        try (EmbeddedPostgresSecret.Running pg = EmbeddedPostgresSecret.start(dir, false, b -> { })) {
            Path secret = EmbeddedPostgresSecret.secretFile(dir);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
            assertThat(Files.readString(secret).trim()).isEqualTo(pg.password()).matches("[0-9a-f]{32}");
            assertRefusedWithout(pg);
            assertThat(Files.readString(dir.resolve("pg_hba.conf"))).doesNotContainPattern("\\btrust\\b")
                    .contains("scram-sha-256");
        }
        // a restart on the same directory reads the same password and still refuses strangers
        try (EmbeddedPostgresSecret.Running again = EmbeddedPostgresSecret.start(dir, false, b -> { })) {
            assertRefusedWithout(again);
        }
    }

    @Test
    void clusterCreatedWithTrustIsSecuredOnItsNextStart() throws Exception {
        Path dir = temp.resolve("legacy");
        try (EmbeddedPostgres legacy = EmbeddedPostgres.builder().setDataDirectory(dir).start();
             Connection open = DriverManager.getConnection(legacy.getJdbcUrl("postgres", "postgres"))) {
            assertThat(open.isValid(1)).isTrue(); // the old behaviour: anyone on the host gets in
        }
        try (EmbeddedPostgresSecret.Running pg = EmbeddedPostgresSecret.start(dir, false, b -> { })) {
            assertRefusedWithout(pg);
        }
    }

    private static void assertRefusedWithout(EmbeddedPostgresSecret.Running pg) throws SQLException {
        assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl()).close())
                .isInstanceOf(SQLException.class);
        Properties wrong = new Properties();
        wrong.setProperty("password", "not-the-password");
        assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), wrong).close())
                .isInstanceOf(SQLException.class);
        Properties right = new Properties();
        right.setProperty("password", pg.password());
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), right)) {
            assertThat(c.isValid(1)).isTrue();
        }
    }
}
