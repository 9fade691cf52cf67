package huiqi.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the 督查任务 of a document: one task per measure and unit — lead units (牵头), responsible units
 * (责任) and units inherited from a blanket clause (落实) — each with the measure's targets and a deadline.
 *
 * <p>Deadline rule (docs/supervision.md), for each target, first that applies:
 * <ol>
 *   <li>a time limit named in the target's own clause ("一季度", "3月底", "2024年6月30日前"; a year-less phrase
 *       takes the document's year, the first "20xx年" in its title, else its issue year) — TARGET_TEXT;</li>
 *   <li>an end date the measure sets for itself ("政策执行至2024年12月31日") — MEASURE_TEXT;</li>
 *   <li>the document's validity end (有效期至) — DOCUMENT_VALIDITY;</li>
 *   <li>the quarter, half or year the document's title names ("2024年一季度…工作方案") — DOCUMENT_PERIOD;</li>
 *   <li>December 31 of the document's year — ISSUE_YEAR.</li>
 * </ol>
 * A task's deadline is the latest of its targets' deadlines; a measure without targets takes steps 2–5.
 */
public final class TaskGenerator {

    public List<SupervisionTask> generate(TaskSource doc) {
        int year = referenceYear(doc);
        Dated documentDeadline = documentDeadline(doc, year);
        LocalDate start = doc.effectiveFrom() != null ? doc.effectiveFrom()
                : doc.issuedOn() != null ? doc.issuedOn()
                : documentDeadline.date() == null ? null : documentDeadline.date().withDayOfYear(1);
        List<SupervisionTask> tasks = new ArrayList<>();
        for (TaskSource.Measure m : doc.measures()) {
            Dated measureDeadline = TimePhrases.measureUntil(m.text())
                    .map(d -> new Dated(d, DeadlineSource.MEASURE_TEXT)).orElse(documentDeadline);
            List<TaskTarget> targets = new ArrayList<>();
            Dated taskDeadline = null;
            for (TaskSource.Target t : m.targets()) {
                Dated d = targetDeadline(t, year, measureDeadline);
                targets.add(new TaskTarget(targets.size(), t.text(), t.quantity(), t.unit(), t.comparator(), d.date()));
                if (taskDeadline == null || later(d, taskDeadline)) {
                    taskDeadline = d;
                }
            }
            if (taskDeadline == null) {
                taskDeadline = measureDeadline;
            }
            for (Map.Entry<String, UnitRole> unit : units(m).entrySet()) {
                tasks.add(new SupervisionTask(doc.documentId(), doc.docNumber(), m.number(), m.title(), m.text(),
                        unit.getKey(), unit.getValue(), targets, start, taskDeadline.date(), taskDeadline.source()));
            }
        }
        return tasks;
    }

    /** Every unit of a measure with its role; a unit named twice keeps its strongest role (牵头 over 责任 over 落实). */
    static Map<String, UnitRole> units(TaskSource.Measure m) {
        Map<String, UnitRole> units = new LinkedHashMap<>();
        m.leadUnits().forEach(u -> units.putIfAbsent(u.strip(), UnitRole.LEAD));
        m.responsibleUnits().forEach(u -> units.putIfAbsent(u.strip(), UnitRole.RESPONSIBLE));
        m.inheritedUnits().forEach(u -> units.putIfAbsent(u.strip(), UnitRole.IMPLEMENTING));
        units.remove("");
        return units;
    }

    static int referenceYear(TaskSource doc) {
        LocalDate anchor = doc.issuedOn() != null ? doc.issuedOn()
                : doc.effectiveFrom() != null ? doc.effectiveFrom()
                : doc.effectiveUntil() != null ? doc.effectiveUntil() : null;
        return TimePhrases.yearOf(doc.title(), anchor == null ? -1 : anchor.getYear());
    }

    private static Dated documentDeadline(TaskSource doc, int year) {
        if (doc.effectiveUntil() != null) {
            return new Dated(doc.effectiveUntil(), DeadlineSource.DOCUMENT_VALIDITY);
        }
        if (year > 0) {
            return TimePhrases.deadline(doc.title(), year)
                    .map(d -> new Dated(d, DeadlineSource.DOCUMENT_PERIOD))
                    .orElse(new Dated(LocalDate.of(year, 12, 31), DeadlineSource.ISSUE_YEAR));
        }
        return new Dated(null, null);
    }

    private static Dated targetDeadline(TaskSource.Target t, int year, Dated fallback) {
        if (year > 0) {
            var own = TimePhrases.deadline(t.text(), year);
            if (own.isPresent()) {
                return new Dated(own.get(), DeadlineSource.TARGET_TEXT);
            }
        }
        return fallback;
    }

    private static boolean later(Dated a, Dated b) {
        if (a.date() == null) {
            return false;
        }
        return b.date() == null || a.date().isAfter(b.date());
    }

    private record Dated(LocalDate date, DeadlineSource source) {
    }
}
