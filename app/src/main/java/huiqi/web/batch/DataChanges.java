package huiqi.web.batch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Which enterprises the data changes since an earlier export touched (V880: the statement triggers of V831 also
 * note the uscc of every row a transaction writes). An export keeps the PostgreSQL snapshot it was read in; a
 * change it did not see is one whose transaction that snapshot does not count as visible. All queries run in the
 * caller's snapshot (BatchDataCache's REPEATABLE READ export).
 */
final class DataChanges {
    private static final Pattern SNAPSHOT = Pattern.compile("[0-9]+:[0-9]+:([0-9]+(,[0-9]+)*)?");

    private final String since;

    private DataChanges(String since) {
        this.since = since;
    }

    /** The changes the current snapshot sees and {@code snapshot} (an earlier {@link #snapshot} value) did not. */
    static DataChanges since(String snapshot) {
        if (!SNAPSHOT.matcher(snapshot).matches()) {
            throw new IllegalArgumentException("不是 PostgreSQL 快照：" + snapshot);
        }
        return new DataChanges(snapshot);
    }

    /** The snapshot {@code c}'s transaction reads in, as text. */
    static String snapshot(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_current_snapshot()::text")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** One column uscc, each changed enterprise once (deleted ones too). */
    String usccQuery() {
        return "SELECT DISTINCT u.uscc FROM batch_data_change c JOIN batch_data_change_uscc u ON u.xid = c.xid WHERE "
                + unseen();
    }

    /** How many enterprises changed; -1 when a change (a truncate) touched every enterprise without naming them. */
    long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT coalesce(bool_or(whole), false) FROM batch_data_change c WHERE " + unseen())) {
            rs.next();
            if (rs.getBoolean(1)) {
                return -1;
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM (" + usccQuery() + ") x")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String unseen() {
        return "NOT " + seenQuery();
    }

    /** The condition that the change log row {@code c} was seen by the snapshot. */
    String seenQuery() {
        return "pg_visible_in_snapshot(c.xid::text::xid8, '" + since + "'::pg_snapshot)";
    }
}
