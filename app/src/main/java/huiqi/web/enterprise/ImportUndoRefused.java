package huiqi.web.enterprise;

import java.util.List;

/** An undo that may not happen, with every reason in the user's words. */
public class ImportUndoRefused extends RuntimeException {
    private final List<String> reasons;

    public ImportUndoRefused(List<String> reasons) {
        super(String.join("；", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
