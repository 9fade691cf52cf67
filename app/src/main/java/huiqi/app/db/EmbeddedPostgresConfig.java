package huiqi.app.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Zero-setup database: when no external PostgreSQL is configured (spring.datasource.url empty), start an
 * embedded PostgreSQL 17 whose data directory survives restarts, with a generated superuser password
 * (see {@link EmbeddedPostgresSecret}). zonky's defaults are meant for tests (fsync and synchronous_commit off);
 * the platform's own data holds money, so they are turned back on unless huiqi.db.durable=false (tests only).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfig {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresSecret.Running embeddedPostgres(@Value("${huiqi.db.dir:${huiqi.data-dir}/pg}") String dirName,
                                                    @Value("${huiqi.db.durable:true}") boolean durable,
                                                    @Value("${huiqi.db.clean:false}") boolean clean) throws IOException {
        return EmbeddedPostgresSecret.start(Path.of(dirName), clean, builder -> {
            builder.setServerConfig("max_connections", "50");
            if (durable) {
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
        });
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresSecret.Running postgres) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.jdbcUrl());
        ds.setUsername(EmbeddedPostgresSecret.SUPERUSER);
        ds.setPassword(postgres.password());
        ds.setMaximumPoolSize(20);
        ds.setPoolName("huiqi-embedded");
        return ds;
    }

    /**
     * The running server, for code that needs more than the pool (nothing in the platform today). Not closed as a bean
     * of its own (Spring would infer close() and could stop the server before the beans that use the pool, e.g. the
     * batch worker finishing a run): {@link EmbeddedPostgresSecret.Running} stops it after everything that depends on it.
     */
    @Bean(destroyMethod = "")
    EmbeddedPostgres embeddedPostgresServer(EmbeddedPostgresSecret.Running postgres) {
        return postgres.server();
    }
}
