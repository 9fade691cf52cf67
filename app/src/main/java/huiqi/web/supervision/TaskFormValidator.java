package huiqi.web.supervision;

import huiqi.quantity.Expectation;
import huiqi.quantity.QuantityText;
import huiqi.supervision.TaskTarget;
import huiqi.web.files.FileNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The 督查任务 forms: a progress report, a 管理员 correction, a comment, a reminder. Each check reads the raw form
 * and returns the parsed values with every problem found (in Chinese), so the page can show them all at once.
 */
@Component
class TaskFormValidator {
    static final int MAX_ATTACHMENTS = 5;
    /** A report dated 0001-01-01 is a typing error; the platform's supervision began long after 2000. */
    static final int EARLIEST_REPORT_YEAR = 2000;
    static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;
    static final int MAX_TEXT = 2000;

    /**
     * A progress report: cumulative values per target index and/or a percentage, narrative, attachments and the
     * evidence reference (文号、链接 or 台账编号; a completing report needs it or an attachment).
     */
    record Report(List<String> problems, LocalDate reportedOn, Map<Integer, BigDecimal> achieved, BigDecimal percent,
                  String narrative, List<TaskStore.Upload> uploads, String evidenceReference) {
    }

    private final ReportRules rules;

    TaskFormValidator(ReportRules rules) {
        this.rules = rules;
    }

    /** A correction of the task's targets and deadline, with its reason. */
    record Edit(List<String> problems, LocalDate deadline, List<TaskTarget> targets, String reason) {
    }

    Report report(TaskRecord task, Map<String, String> form, List<MultipartFile> files) {
        List<String> problems = new ArrayList<>();
        LocalDate reportedOn = null;
        boolean dateOk = false;
        try {
            reportedOn = LocalDate.parse(form.getOrDefault("reportedOn", "").strip());
            dateOk = !reportedOn.isAfter(SupervisionViews.today()) && reportedOn.getYear() >= EARLIEST_REPORT_YEAR;
            if (reportedOn.isAfter(SupervisionViews.today())) {
                problems.add("报送日期不能晚于今天");
            } else if (reportedOn.getYear() < EARLIEST_REPORT_YEAR) {
                problems.add("报送日期 " + reportedOn + " 不合理（应在 " + EARLIEST_REPORT_YEAR + " 年以后）");
            }
        } catch (DateTimeParseException e) {
            problems.add("请填写报送日期（如 2024-03-15）");
        }
        Map<Integer, BigDecimal> achieved = new LinkedHashMap<>();
        for (TaskTarget t : task.targets()) {
            String raw = form.getOrDefault("value" + t.index(), "").strip();
            if (raw.isEmpty()) {
                continue;
            }
            BigDecimal v = number(raw, Expectation.quantity("目标" + (t.index() + 1) + "的累计完成值"), problems);
            if (v != null) {
                achieved.put(t.index(), v);
            }
        }
        BigDecimal percent = null;
        String rawPercent = form.getOrDefault("percent", "").strip();
        if (!rawPercent.isEmpty()) {
            percent = number(rawPercent, PERCENT, new ArrayList<>());
            if (percent == null || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                problems.add("完成进度须为 0 到 100 之间的数字（最多 2 位小数）");
                percent = null;
            }
        }
        if (achieved.isEmpty() && percent == null) {
            problems.add("请填写至少一项目标的累计完成值或完成进度");
        }
        String narrative = form.getOrDefault("narrative", "").strip();
        if (narrative.isEmpty()) {
            problems.add("请填写工作进展情况");
        } else if (narrative.length() > MAX_TEXT) {
            problems.add("工作进展情况不超过 " + MAX_TEXT + " 字");
        }
        List<TaskStore.Upload> uploads = new ArrayList<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            if (f.isEmpty()) {
                continue;
            }
            if (f.getSize() > MAX_ATTACHMENT_BYTES) {
                problems.add("附件 " + FileNames.clean(f.getOriginalFilename(), "") + " 超过 10MB");
                continue;
            }
            try {
                String name = FileNames.clean(f.getOriginalFilename(), "附件");
                uploads.add(new TaskStore.Upload(name, f.getContentType(), f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (uploads.size() > MAX_ATTACHMENTS) {
            problems.add("附件最多 " + MAX_ATTACHMENTS + " 个");
        }
        String evidence = form.getOrDefault("evidenceReference", "").strip();
        if (evidence.length() > 500) {
            problems.add("佐证材料文号或链接不超过 500 字");
        }
        if (dateOk) {
            problems.addAll(rules.problems(task, reportedOn, achieved, percent, uploads.size(), evidence));
        }
        return new Report(problems, reportedOn, achieved, percent, narrative, uploads, evidence);
    }

    Edit edit(TaskRecord task, Map<String, String> form) {
        List<String> problems = new ArrayList<>();
        LocalDate deadline = null;
        try {
            deadline = LocalDate.parse(form.getOrDefault("deadline", "").strip());
        } catch (DateTimeParseException e) {
            problems.add("请填写截止日期（如 2024-03-31）");
        }
        List<TaskTarget> targets = new ArrayList<>();
        for (TaskTarget t : task.targets()) {
            String raw = form.getOrDefault("quantity" + t.index(), "").strip();
            BigDecimal q = raw.isEmpty() ? null : number(raw, Expectation.quantity("目标" + (t.index() + 1) + "的数值"), problems);
            String unit = form.getOrDefault("unit" + t.index(), t.unit() == null ? "" : t.unit()).strip();
            String cmp = form.getOrDefault("comparator" + t.index(), t.comparator() == null ? "" : t.comparator()).strip();
            if (!cmp.isEmpty() && !List.of(">=", ">", "<=", "<", "=", "~").contains(cmp)) {
                problems.add("目标" + (t.index() + 1) + "的比较方式无效");
            }
            targets.add(new TaskTarget(t.index(), t.text(), q, unit.isEmpty() ? null : unit, cmp.isEmpty() ? null : cmp,
                    t.deadline()));
        }
        String reason = form.getOrDefault("reason", "").strip();
        if (reason.isEmpty() || reason.length() > MAX_TEXT) {
            problems.add("请填写修改理由（不超过 " + MAX_TEXT + " 字）");
        }
        return new Edit(problems, deadline, targets, reason);
    }

    /** A comment's text, or the problem with it. */
    Optional<String> commentProblem(String text) {
        return text.isEmpty() || text.length() > MAX_TEXT
                ? Optional.of("意见内容不能为空，且不超过 " + MAX_TEXT + " 字") : Optional.empty();
    }

    /** A reminder's text (empty: the default one), or the problem with it. */
    Optional<String> reminderProblem(String text) {
        return text.length() > MAX_TEXT ? Optional.of("提醒内容不超过 " + MAX_TEXT + " 字") : Optional.empty();
    }

    /** supervision_report.percent is numeric(5, 2). */
    private static final Expectation PERCENT = Expectation.quantity("完成进度").withDigits(3, 2);

    /** The number read by the one bounded reader, or null with the reason added to the problems. */
    private static BigDecimal number(String raw, Expectation e, List<String> problems) {
        try {
            return QuantityText.number(raw, e);
        } catch (IllegalArgumentException ex) {
            problems.add(ex.getMessage());
            return null;
        }
    }
}
