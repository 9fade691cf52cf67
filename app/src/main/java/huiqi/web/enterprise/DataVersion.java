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

    /** Read it before the data it names: data read afterwards is then never older than the version. */
    public long current() {
        return jdbc.sql("select count(*) from batch_data_change").query(Long.class).single();
    }
}
