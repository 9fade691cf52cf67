package huiqi.enterprise;

/** Checks on the raw text of an imported cell or JSON string, shared by every input path. */
public final class CellText {
    private CellText() {
    }

    /** Whether the text holds a control character other than tab and line breaks (NUL, ESC, DEL…). */
    public static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
