package huiqi.web.files;

/**
 * A user's file name made safe to store and to send back in a header: no directories, no line breaks or
 * quotes, at most {@link #MAX} characters with the extension kept (the columns are varchar(255); a longer
 * name made the insert fail with HTTP 500).
 */
public final class FileNames {
    public static final int MAX = 120;

    private FileNames() {
    }

    /** The last path segment of {@code original} without control characters, quotes or slashes; {@code fallback} if nothing is left. */
    public static String clean(String original, String fallback) {
        String n = original == null ? "" : original.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_").strip();
        return n.isEmpty() ? fallback : shorten(n);
    }

    /** At most {@link #MAX} characters, keeping a short extension. */
    public static String shorten(String name) {
        if (name.length() <= MAX) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        return name.substring(0, MAX - ext.length()) + ext;
    }
}
