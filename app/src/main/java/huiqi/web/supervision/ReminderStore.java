package huiqi.web.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** In-app reminders (催报) to units: sent by 督查室 or 管理员, read by the unit's 部门经办. */
@Repository
public class ReminderStore {
    private final JdbcClient jdbc;

    public ReminderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Reminder(long id, long taskId, String unit, String docLabel, int measureNumber, String measureTitle,
                           String message, LocalDate dueOn, String createdBy, OffsetDateTime createdAt,
                           OffsetDateTime readAt, String readBy) {
        public boolean unread() {
            return readAt == null;
        }
    }

    /** Sends a reminder unless the unit already has an unread one for this task; returns whether one was sent. */
    public boolean send(long taskId, String unit, String unitId, String message, LocalDate dueOn, String user) {
        return jdbc.sql("""
                        insert into supervision_reminder (task_id, unit, unit_id, message, due_on, created_by)
                        select ?, ?, ?, ?, ?, ? where not exists (
                          select 1 from supervision_reminder where task_id = ? and read_at is null)""")
                .params(taskId, unit, unitId, message, dueOn, user, taskId).update() == 1;
    }

    /** Reminders to one directory unit (unitId != null) or to all units, unread first, newest first. */
    public List<Reminder> list(String unitId, int limit) {
        return jdbc.sql("""
                        select r.*, coalesce(d.doc_number, d.title) as doc_label, t.measure_number, t.measure_title
                        from supervision_reminder r join supervision_task t on t.id = r.task_id
                        join policy_document d on d.id = t.document_id
                        where (cast(? as varchar) is null or r.unit_id = ?)
                        order by (r.read_at is null) desc, r.created_at desc, r.id desc limit ?""")
                .params(unitId, unitId, limit)
                .query((rs, i) -> new Reminder(rs.getLong("id"), rs.getLong("task_id"), rs.getString("unit"),
                        rs.getString("doc_label"), rs.getInt("measure_number"), rs.getString("measure_title"),
                        rs.getString("message"), rs.getObject("due_on", LocalDate.class), rs.getString("created_by"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("read_at", OffsetDateTime.class),
                        rs.getString("read_by"))).list();
    }

    public long unreadCount(String unitId) {
        return jdbc.sql("select count(*) from supervision_reminder where unit_id = ? and read_at is null").param(unitId)
                .query(Long.class).single();
    }

    public Optional<String> unitOf(long id) {
        return jdbc.sql("select unit_id from supervision_reminder where id = ?").param(id).query(String.class).optional();
    }

    public void markRead(long id, String user) {
        jdbc.sql("update supervision_reminder set read_at = now(), read_by = ? where id = ? and read_at is null")
                .params(user, id).update();
    }
}
