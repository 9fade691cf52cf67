package huiqi.quantity;

/** A number a user typed that {@link QuantityText} does not accept; the message is Chinese and names the input. */
public final class QuantityTextException extends IllegalArgumentException {
    public QuantityTextException(String message) {
        super(message);
    }
}
