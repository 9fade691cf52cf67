package huiqi.web.rulesets;

import org.springframework.http.HttpStatus;

/**
 * A save over a version that is no longer the newest (someone saved or submitted since): refused so nothing is
 * overwritten; the page shows the user's text ({@code yaml}) again with the newest version's number.
 */
public class StaleDraft extends RuntimeException {
    private final String policyId;
    private final String yaml;
    private final int head;
    private final HttpStatus status;

    public StaleDraft(String message, String policyId, String yaml, int head) {
        this(message, policyId, yaml, head, HttpStatus.CONFLICT);
    }

    /** The same page for a save refused for another reason (400): the text is shown again all the same. */
    public StaleDraft(String message, String policyId, String yaml, int head, HttpStatus status) {
        super(message);
        this.status = status;
        this.policyId = policyId;
        this.yaml = yaml;
        this.head = head;
    }

    public String policyId() {
        return policyId;
    }

    public String yaml() {
        return yaml;
    }

    /** The newest version's number (-1: not known, the save was refused for another reason). */
    public int head() {
        return head;
    }

    public HttpStatus status() {
        return status;
    }
}
