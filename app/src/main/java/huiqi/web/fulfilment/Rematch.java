package huiqi.web.fulfilment;

import huiqi.fulfilment.Actor;
import org.springframework.stereotype.Component;

/**
 * 重新匹配: the rules engine over every enterprise in the database, then the 取高不重复 classes it found and the
 * difference against existing cases ({@link MatchSync}). The page and the API both start it here.
 */
@Component
class Rematch {
    private final MatchSource source;
    private final Limits limits;
    private final MatchSync sync;

    Rematch(MatchSource source, Limits limits, MatchSync sync) {
        this.source = source;
        this.limits = limits;
        this.sync = sync;
    }

    /** note: why the run may be incomplete (rule files that failed to load), or "". */
    record Outcome(MatchSync.Result result, String note) {
        String summary() {
            return "重新匹配完成：新增 " + result.created() + " 件，补发 " + result.topUps() + " 件，冲正 " + result.corrections()
                    + " 件，撤销 " + result.withdrawn() + " 件，未变 " + result.unchanged() + " 件，可申请 " + result.offers() + " 项"
                    + (note.isBlank() ? "" : "。" + note);
        }
    }

    Outcome run(Actor actor) {
        MatchSource.Run run = source.run();
        limits.syncClasses(run.classes(), actor);
        MatchSync.Result r = sync.sync(run.matches(), new MatchSync.Scope(run.rules(), null, null), actor, run.explain(), run.parts(), run.versions());
        return new Outcome(r, run.note() == null ? "" : run.note());
    }
}
