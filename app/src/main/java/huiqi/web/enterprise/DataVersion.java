package huiqi.web.enterprise;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The version of all enterprise data (profiles, facts, item lists): V831's log gets one row per transaction that
 * writes any of them, whichever code path or process wrote, and only ever grows. The version is global: any
 * import, edit or undo changes it for every enterprise.
 */
@Component
public class DataVersion {
    private final JdbcClient jdbc;

    DataVersion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The version: the log only grows, so its row count tells versions apart (read in the caller's snapshot). */
    public static final String COUNT = "select count(*) from batch_data_change";
    /** Which database the versions belong to: a recreated one counts from 0 again. */
    public static final String INSTANCE = "select id::text from batch_data_instance limit 1";

    /** Read it before the data it names: data read afterwards is then never older than the version. */
    public long current() {
        return jdbc.sql(COUNT).query(Long.class).single();
    }

    /** This database's identity (V831), for files kept outside it that must never be read by another database. */
    public String instance() {
        return jdbc.sql(INSTANCE).query(String.class).single();
    }
}
