package huiqi.web.rules.editor;

/** A form edit that cannot be applied to the text, with the reason in Chinese; the text stays as it was. */
public class EditRefused extends RuntimeException {
    public EditRefused(String message) {
        super(message);
    }
}
