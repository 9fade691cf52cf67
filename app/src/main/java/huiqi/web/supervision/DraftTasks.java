package huiqi.web.supervision;

import huiqi.supervision.TaskSource;
import huiqi.web.policy.DocumentDraft;

/** The platform's stored document as the input of the core task generator. */
final class DraftTasks {
    private DraftTasks() {
    }

    static TaskSource source(DocumentDraft d) {
        return new TaskSource(d.id(), d.docNumber(), d.title(), d.issuedOn(), d.effectiveFrom(), d.effectiveUntil(),
                d.measures().stream().map(m -> new TaskSource.Measure(m.number(), m.title(), m.text(), m.leadUnits(),
                        m.responsibleUnits(), m.inheritedUnits(), m.targets().stream()
                        .map(t -> new TaskSource.Target(t.text(), t.quantity(), t.unit(), t.comparator()))
                        .toList())).toList());
    }
}
