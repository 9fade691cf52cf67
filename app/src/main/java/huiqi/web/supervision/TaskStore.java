package huiqi.web.supervision;

import huiqi.supervision.SupervisionTask;
import huiqi.supervision.TaskGenerator;
import huiqi.supervision.TaskTarget;
import huiqi.supervision.UnitRole;
import huiqi.org.Government;
import huiqi.org.Resolution;
import huiqi.web.organisation.DocumentMentions;
import huiqi.web.policy.PolicyStore;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The supervision tables: tasks (generated from the policy library), reports, attachments, comments, edits. */
@Repository
public class TaskStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<TaskTarget>> TARGETS = new TypeReference<>() { };
    private static final String TASK_COLUMNS = """
            t.id, t.document_id, d.doc_number, d.title as doc_title, t.measure_number, t.measure_title, t.unit,
            t.unit_role, t.source_text, t.source_targets, t.source_deadline, t.targets, t.start_date, t.deadline,
            t.deadline_source, t.unit_id, t.mention, o.name as unit_name,
            o.region_code || '|' || o.region_name as government_key, o.region_name as government_name,
            d.region_code || '|' || d.region_name as document_government_key, d.effective_from as doc_from,
            d.effective_until as doc_until""";
    private static final String TASK_FROM = " from supervision_task t join policy_document d on d.id = t.document_id"
            + " left join org_unit o on o.id = t.unit_id ";

    private final JdbcClient jdbc;
    private final PolicyStore policies;
    private final DocumentMentions mentions;
    private final ReportRules rules;
    private final TaskGenerator generator = new TaskGenerator();

    public TaskStore(JdbcClient jdbc, PolicyStore policies, DocumentMentions mentions, ReportRules rules) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.mentions = mentions;
        this.rules = rules;
    }

    /**
     * Generates the tasks of every document that has measures but no tasks yet (documents added since the
     * last call, e.g. uploaded). Existing tasks are never regenerated, so corrections and reports stay.
     * Returns the number of tasks created.
     */
    @Transactional
    public int syncAll() {
        List<String> pending = jdbc.sql("""
                select d.id from policy_document d
                where exists (select 1 from policy_measure m where m.document_id = d.id)
                  and not exists (select 1 from supervision_task t where t.document_id = d.id)
                order by d.id""").query(String.class).list();
        int created = 0;
        for (String id : pending) {
            created += sync(id);
        }
        return created + bindUnresolved();
    }

    /**
     * Generates the tasks of one document; tasks already present (same measure and unit) are kept. Each unit
     * mention is resolved in the issuing government's context: one unit gives one task bound to it, a collective
     * mention (各街镇) one task per member (labelled with the member's name), an unresolved mention one unbound
     * task (listed on the document page until an officer maps it).
     */
    @Transactional
    public int sync(String documentId) {
        var doc = policies.find(documentId);
        if (doc.isEmpty()) {
            return 0;
        }
        var d = doc.get().document();
        Government issuer = d.region() == null ? null
                : DocumentMentions.issuer(d.region().code(), d.region().name(), d.level());
        int created = 0;
        for (SupervisionTask t : generator.generate(DraftTasks.source(d))) {
            Resolution r = mentions.resolve(issuer, t.unit());
            if (r.kind() == Resolution.Kind.COLLECTIVE) {
                var directory = mentions.directory();
                for (String id : r.unitIds()) {
                    String label = directory.byId(id).map(u -> u.name()).orElse(id);
                    created += insert(t, label, id);
                }
            } else {
                created += insert(t, t.unit(), r.resolved() ? r.unitIds().get(0) : null);
            }
        }
        return created;
    }

    private int insert(SupervisionTask t, String label, String unitId) {
        if (unitId != null && jdbc.sql("""
                        select count(*) from supervision_task where document_id = ? and measure_number = ? and unit_id = ?""")
                .params(t.documentId(), t.measureNumber(), unitId).query(Long.class).single() > 0) {
            return 0;   // the unit already has this measure (named twice, e.g. itself and through 各县（市）区人民政府)
        }
        String targets = JSON.writeValueAsString(t.targets());
        return jdbc.sql("""
                        insert into supervision_task (document_id, measure_number, unit, unit_role, measure_title,
                          source_text, source_targets, source_deadline, targets, start_date, deadline, deadline_source,
                          unit_id, mention)
                        values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb), ?, ?, ?, ?, ?)
                        on conflict (document_id, measure_number, unit) do nothing""")
                .params(t.documentId(), t.measureNumber(), label, t.role().label(),
                        t.measureTitle() == null ? "" : t.measureTitle(), t.measureText() == null ? "" : t.measureText(),
                        targets, t.deadline(), targets, t.start(), t.deadline(),
                        t.deadlineSource() == null ? null : t.deadlineSource().label(), unitId, t.unit())
                .update();
    }

    /**
     * Tasks whose mention was unresolved when they were generated (or that predate the directory), resolved again
     * against the directory as it is now: a unit binds the task; a collective mention is replaced by one task per
     * member as long as nobody has reported on it. Returns the number of tasks bound or created.
     */
    @Transactional
    public int bindUnresolved() {
        record Open(long id, String documentId, int measure, String mention, String code, String name, String level,
                    boolean reported) {
        }
        List<Open> open = jdbc.sql("""
                select t.id, t.document_id, t.measure_number, coalesce(t.mention, t.unit), d.region_code, d.region_name,
                       d.level, exists (select 1 from supervision_report r where r.task_id = t.id)
                from supervision_task t join policy_document d on d.id = t.document_id
                where t.unit_id is null order by t.id""")
                .query((rs, i) -> new Open(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8))).list();
        int changed = 0;
        for (Open o : open) {
            Government issuer = o.code() == null ? null : DocumentMentions.issuer(o.code(), o.name(), o.level());
            Resolution r = mentions.resolve(issuer, o.mention());
            if (r.kind() == Resolution.Kind.UNIT) {
                changed += jdbc.sql("update supervision_task set unit_id = ?, mention = ? where id = ?")
                        .params(r.unitIds().get(0), o.mention(), o.id()).update();
            } else if (r.kind() == Resolution.Kind.COLLECTIVE && !o.reported()) {
                var directory = mentions.directory();
                for (String id : r.unitIds()) {
                    changed += jdbc.sql("""
                                    insert into supervision_task (document_id, measure_number, unit, unit_role,
                                      measure_title, source_text, source_targets, source_deadline, targets, start_date,
                                      deadline, deadline_source, unit_id, mention)
                                    select document_id, measure_number, ?, unit_role, measure_title, source_text,
                                      source_targets, source_deadline, targets, start_date, deadline, deadline_source, ?, ?
                                    from supervision_task s where s.id = ? and not exists (
                                      select 1 from supervision_task x where x.document_id = s.document_id
                                        and x.measure_number = s.measure_number and x.unit_id = ?)
                                    on conflict (document_id, measure_number, unit) do nothing""")
                            .params(directory.byId(id).map(u -> u.name()).orElse(id), id, o.mention(), o.id(), id)
                            .update();
                }
                jdbc.sql("delete from supervision_task where id = ?").param(o.id()).update();
            }
        }
        return changed;
    }

    public List<TaskRecord> tasks() {
        return jdbc.sql("select " + TASK_COLUMNS + TASK_FROM + """
                 order by d.issued_on desc nulls last, t.document_id, t.measure_number, t.id""")
                .query((rs, i) -> task(rs)).list();
    }

    public Optional<TaskRecord> task(long id) {
        return jdbc.sql("select " + TASK_COLUMNS + TASK_FROM + " where t.id = ?")
                .param(id).query((rs, i) -> task(rs)).optional();
    }

    /** The task's directory unit id and its government key ("350102|鼓楼区", the issuer's while unresolved). */
    public Optional<UnitOfTask> unitOfTask(long id) {
        return jdbc.sql("""
                        select t.unit_id, coalesce(o.region_code || '|' || o.region_name, d.region_code || '|' || d.region_name)
                        from supervision_task t join policy_document d on d.id = t.document_id
                        left join org_unit o on o.id = t.unit_id where t.id = ?""")
                .param(id).query((rs, i) -> new UnitOfTask(rs.getString(1), rs.getString(2))).optional();
    }

    public record UnitOfTask(String unitId, String governmentKey) {
    }

    /** Every report, grouped by task, oldest first. */
    public Map<Long, List<ReportRecord>> reportsByTask() {
        Map<Long, List<ReportRecord>> out = new LinkedHashMap<>();
        jdbc.sql("select * from supervision_report order by task_id, reported_on, id")
                .query((rs, i) -> report(rs, List.of())).list()
                .forEach(r -> out.computeIfAbsent(r.taskId(), k -> new ArrayList<>()).add(r));
        return out;
    }

    public List<ReportRecord> reports(long taskId) {
        Map<Long, List<ReportRecord.AttachmentInfo>> files = new LinkedHashMap<>();
        jdbc.sql("""
                select a.id, a.report_id, a.file_name, a.size from supervision_attachment a
                join supervision_report r on r.id = a.report_id where r.task_id = ? order by a.id""").param(taskId)
                .query((rs, i) -> Map.entry(rs.getLong("report_id"),
                        new ReportRecord.AttachmentInfo(rs.getLong("id"), rs.getString("file_name"), rs.getLong("size"))))
                .list().forEach(e -> files.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return jdbc.sql("select * from supervision_report where task_id = ? order by reported_on, id").param(taskId)
                .query((rs, i) -> report(rs, files.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    /** A report without an evidence reference (attachments may still be the evidence). */
    @Transactional
    public long addReport(long taskId, LocalDate reportedOn, Map<Integer, BigDecimal> achieved, BigDecimal percent,
                          String narrative, String user, List<Upload> attachments) {
        return addReport(taskId, reportedOn, achieved, percent, narrative, user, attachments, null);
    }

    /**
     * Stores a report. One that completes the task goes to the 督查室 as 待核验; the {@link ReportRules} (back-dating
     * window, evidence for completion) hold for every caller: a report breaking them is refused.
     */
    @Transactional
    public long addReport(long taskId, LocalDate reportedOn, Map<Integer, BigDecimal> achieved, BigDecimal percent,
                          String narrative, String user, List<Upload> attachments, String evidenceReference) {
        TaskRecord task = task(taskId).orElseThrow(() -> new ReportRefused(List.of("督查任务不存在")));
        List<String> problems = rules.problems(task, reportedOn, achieved, percent, attachments.size(), evidenceReference);
        if (!problems.isEmpty()) {
            throw new ReportRefused(problems);
        }
        String verification = ReportRules.completes(task, reportedOn, achieved, percent) ? ReportRecord.PENDING : null;
        long id = jdbc.sql("""
                        insert into supervision_report (task_id, reported_on, achieved, percent, narrative, reported_by,
                          verification, evidence_reference)
                        values (?, ?, cast(? as jsonb), ?, ?, ?, ?, ?) returning id""")
                .params(taskId, reportedOn, JSON.writeValueAsString(achieved), percent, narrative, user, verification,
                        evidenceReference == null || evidenceReference.isBlank() ? null : evidenceReference.strip())
                .query(Long.class).single();
        for (Upload a : attachments) {
            jdbc.sql("""
                            insert into supervision_attachment (report_id, file_name, content_type, size, content)
                            values (?, ?, ?, ?, ?)""")
                    .params(id, a.fileName(), a.contentType(), a.content().length, a.content()).update();
        }
        return id;
    }

    /** A report the {@link ReportRules} refuse, with every reason (Chinese, for the form). */
    public static final class ReportRefused extends RuntimeException {
        private final List<String> problems;

        ReportRefused(List<String> problems) {
            super(String.join("；", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /**
     * The 督查室's 核验 of a report awaiting it: accepted, the task counts as complete; returned (a comment is
     * required), the report no longer counts and the comment is added to the task for the unit to read. Empty
     * when done, else why not.
     */
    @Transactional
    public Optional<String> verify(long reportId, boolean accept, String comment, String user, String userRole) {
        String text = comment == null ? "" : comment.strip();
        if (!accept && text.isEmpty()) {
            return Optional.of("退回须填写意见，说明需补充或更正的内容");
        }
        if (text.length() > 2000) {
            return Optional.of("意见不超过 2000 字");
        }
        Long taskId = jdbc.sql("""
                        update supervision_report set verification = ?, verified_by = ?, verified_at = now(),
                          verification_comment = ?
                        where id = ? and verification = '待核验' returning task_id""")
                .params(accept ? ReportRecord.ACCEPTED : ReportRecord.RETURNED, user, text.isEmpty() ? null : text, reportId)
                .query(Long.class).optional().orElse(null);
        if (taskId == null) {
            return Optional.of("该报送不在待核验状态");
        }
        addComment(taskId, user, userRole, (accept ? "核验通过" : "核验退回") + (text.isEmpty() ? "" : "：" + text));
        return Optional.empty();
    }

    public Optional<Long> taskOfReport(long reportId) {
        return jdbc.sql("select task_id from supervision_report where id = ?").param(reportId).query(Long.class).optional();
    }

    public record Upload(String fileName, String contentType, byte[] content) {
    }

    public record Attachment(long taskId, String fileName, String contentType, byte[] content) {
    }

    public Optional<Attachment> attachment(long id) {
        return jdbc.sql("""
                        select r.task_id, a.file_name, a.content_type, a.content from supervision_attachment a
                        join supervision_report r on r.id = a.report_id where a.id = ?""").param(id)
                .query((rs, i) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                .optional();
    }

    public Optional<Long> taskOfAttachment(long id) {
        return jdbc.sql("""
                        select r.task_id from supervision_attachment a join supervision_report r on r.id = a.report_id
                        where a.id = ?""").param(id).query(Long.class).optional();
    }

    // --- comments ------------------------------------------------------------------------------------------

    public record Comment(long id, String author, String authorRole, String body, OffsetDateTime createdAt) {
    }

    public void addComment(long taskId, String author, String authorRole, String body) {
        jdbc.sql("insert into supervision_comment (task_id, author, author_role, body) values (?, ?, ?, ?)")
                .params(taskId, author, authorRole, body).update();
    }

    public List<Comment> comments(long taskId) {
        return jdbc.sql("select * from supervision_comment where task_id = ? order by created_at, id").param(taskId)
                .query((rs, i) -> new Comment(rs.getLong("id"), rs.getString("author"), rs.getString("author_role"),
                        rs.getString("body"), rs.getObject("created_at", OffsetDateTime.class))).list();
    }

    /** The latest comment per task (for the 督查通报). */
    public Map<Long, String> latestComments() {
        Map<Long, String> out = new LinkedHashMap<>();
        jdbc.sql("""
                select distinct on (task_id) task_id, body from supervision_comment
                order by task_id, created_at desc, id desc""")
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    // --- audited edits by 管理员 -------------------------------------------------------------------------------

    public record Edit(String field, String oldValue, String newValue, String reason, String editedBy,
                       OffsetDateTime editedAt) {
    }

    /** Replaces the task's targets and deadline, recording one audit row per changed field. */
    @Transactional
    public int edit(long taskId, List<TaskTarget> targets, LocalDate deadline, String reason, String user) {
        TaskRecord before = task(taskId).orElseThrow();
        List<String[]> changes = new ArrayList<>();
        if (!Objects.equals(before.deadline(), deadline)) {
            changes.add(new String[] {"截止日期", str(before.deadline()), str(deadline)});
        }
        for (TaskTarget t : targets) {
            TaskTarget old = before.targets().stream().filter(o -> o.index() == t.index()).findFirst().orElse(null);
            if (old == null) {
                continue;
            }
            if (!sameNumber(old.quantity(), t.quantity())) {
                changes.add(new String[] {"目标" + (t.index() + 1) + "数值", str(old.quantity()), str(t.quantity())});
            }
            if (!Objects.equals(old.unit(), t.unit())) {
                changes.add(new String[] {"目标" + (t.index() + 1) + "单位", old.unit(), t.unit()});
            }
            if (!Objects.equals(old.comparator(), t.comparator())) {
                changes.add(new String[] {"目标" + (t.index() + 1) + "比较", old.comparator(), t.comparator()});
            }
        }
        if (changes.isEmpty()) {
            return 0;
        }
        jdbc.sql("""
                        update supervision_task set targets = cast(? as jsonb), deadline = ?,
                          deadline_source = case when deadline is distinct from ? then '管理员修改' else deadline_source end
                        where id = ?""")
                .params(JSON.writeValueAsString(targets), deadline, deadline, taskId).update();
        for (String[] c : changes) {
            jdbc.sql("""
                            insert into supervision_task_edit (task_id, field, old_value, new_value, reason, edited_by)
                            values (?, ?, ?, ?, ?, ?)""").params(taskId, c[0], c[1], c[2], reason, user).update();
        }
        return changes.size();
    }

    public List<Edit> edits(long taskId) {
        return jdbc.sql("select * from supervision_task_edit where task_id = ? order by edited_at, id").param(taskId)
                .query((rs, i) -> new Edit(rs.getString("field"), rs.getString("old_value"), rs.getString("new_value"),
                        rs.getString("reason"), rs.getString("edited_by"),
                        rs.getObject("edited_at", OffsetDateTime.class))).list();
    }

    public List<String> units() {
        return jdbc.sql("select distinct unit from supervision_task order by unit").query(String.class).list();
    }

    public List<Map<String, Object>> documents() {
        return jdbc.sql("""
                select d.id, coalesce(d.doc_number, d.title) as label from policy_document d
                where exists (select 1 from supervision_task t where t.document_id = d.id)
                order by d.issued_on desc nulls last, d.id""").query().listOfRows();
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String str(Object o) {
        return o == null ? null : o instanceof BigDecimal b ? b.toPlainString() : o.toString();
    }

    private static TaskRecord task(ResultSet rs) throws SQLException {
        return new TaskRecord(rs.getLong("id"), rs.getString("document_id"), rs.getString("doc_number"),
                rs.getString("doc_title"), rs.getInt("measure_number"), rs.getString("measure_title"),
                rs.getString("unit"), UnitRole.parse(rs.getString("unit_role")), rs.getString("source_text"),
                JSON.readValue(rs.getString("source_targets"), TARGETS), rs.getObject("source_deadline", LocalDate.class),
                JSON.readValue(rs.getString("targets"), TARGETS), rs.getObject("start_date", LocalDate.class),
                rs.getObject("deadline", LocalDate.class), rs.getString("deadline_source"),
                new TaskRecord.Context(rs.getString("unit_id"), rs.getString("unit_name"), rs.getString("government_key"),
                        rs.getString("government_name"), rs.getString("mention"), rs.getString("document_government_key"),
                        rs.getObject("doc_from", LocalDate.class), rs.getObject("doc_until", LocalDate.class)));
    }

    private static ReportRecord report(ResultSet rs, List<ReportRecord.AttachmentInfo> files) throws SQLException {
        return new ReportRecord(rs.getLong("id"), rs.getLong("task_id"), rs.getObject("reported_on", LocalDate.class),
                StoredNumbers.achieved(rs.getLong("id"), rs.getString("achieved")), rs.getBigDecimal("percent"),
                rs.getString("narrative"), rs.getString("reported_by"),
                rs.getObject("created_at", OffsetDateTime.class), files,
                new ReportRecord.Verification(rs.getString("verification"), rs.getString("verified_by"),
                        rs.getObject("verified_at", OffsetDateTime.class), rs.getString("verification_comment"),
                        rs.getString("evidence_reference")));
    }
}
