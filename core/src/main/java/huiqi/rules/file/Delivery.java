package huiqi.rules.file;

/** How the benefit reaches the enterprise. */
public enum Delivery {
    免申即享, 申请
}
