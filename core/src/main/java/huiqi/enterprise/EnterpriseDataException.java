package huiqi.enterprise;

/** Enterprise input that cannot be read; the message says where and why, in Chinese. */
public final class EnterpriseDataException extends RuntimeException {
    public EnterpriseDataException(String message) {
        super(message);
    }
}
