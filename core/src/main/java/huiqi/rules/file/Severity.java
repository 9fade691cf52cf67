package huiqi.rules.file;

/** How bad a load problem is: an error fails the file, a warning is shown but the file still loads. */
public enum Severity {
    ERROR("错误"), WARNING("警告");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
