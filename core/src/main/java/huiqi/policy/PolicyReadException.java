package huiqi.policy;

/** A file that holds no readable policy text (empty, binary, damaged). The message is for the user, in Chinese. */
public class PolicyReadException extends Exception {
    public PolicyReadException(String message) {
        super(message);
    }

    public PolicyReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
