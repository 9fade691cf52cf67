package huiqi.fulfilment;

/** An action the state machine does not allow; the message is Chinese and tells the user why. */
public class TransitionRefused extends RuntimeException {
    /** LIMIT: a cap, a budget or 取高不重复 refused the payment. */
    public enum Reason { STATE, ROLE, NOT_YOURS, INPUT, LIMIT }

    private final Reason reason;

    public TransitionRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
