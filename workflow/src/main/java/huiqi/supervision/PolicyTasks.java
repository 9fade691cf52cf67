package huiqi.supervision;

import huiqi.policy.PolicyDocument;
import java.util.List;

/** Task generation straight from a parsed {@link PolicyDocument} (the core parser's model). */
public final class PolicyTasks {
    private PolicyTasks() {
    }

    public static TaskSource source(String documentId, PolicyDocument doc) {
        return new TaskSource(documentId, doc.docNumber(), doc.title(), doc.issuedOn(), doc.effectiveFrom(),
                doc.effectiveUntil(), doc.measures().stream().map(m -> new TaskSource.Measure(m.number(), m.title(),
                        m.text(), m.leadUnits(), m.responsibleUnits(), m.inheritedUnits(), m.targets().stream()
                        .map(t -> new TaskSource.Target(t.text(), t.quantity(), t.unit(), t.comparator()))
                        .toList())).toList());
    }

    public static List<SupervisionTask> generate(String documentId, PolicyDocument doc) {
        return new TaskGenerator().generate(source(documentId, doc));
    }
}
