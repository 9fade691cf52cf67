package huiqi.web.matching;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A page rendered once with markers where each viewer's own values go (name, role, CSRF token…), kept as UTF-8
 * pieces: filling it is a few array copies instead of a template run. The markers hold a secret random part, so a
 * value that merely looks like one (an enterprise name) is never taken for a slot.
 */
final class SlottedPage {
    private final List<byte[]> fixed;
    private final List<String> slots;

    private SlottedPage(List<byte[]> fixed, List<String> slots) {
        this.fixed = fixed;
        this.slots = slots;
    }

    /**
     * Cuts {@code html} at every marker {@code prefix + name} where name is one of {@code names} (one character
     * each), in the order they occur.
     */
    static SlottedPage cut(String html, String prefix, String names) {
        List<byte[]> fixed = new ArrayList<>();
        List<String> slots = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = html.indexOf(prefix, from)) >= 0) {
            int end = at + prefix.length();
            if (end >= html.length() || names.indexOf(html.charAt(end)) < 0) {
                throw new IllegalStateException("页面中有无法识别的占位标记");
            }
            fixed.add(html.substring(from, at).getBytes(StandardCharsets.UTF_8));
            slots.add(String.valueOf(html.charAt(end)));
            from = end + 1;
        }
        fixed.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
        return new SlottedPage(List.copyOf(fixed), List.copyOf(slots));
    }

    /** The page for one viewer: {@code values} gives each slot's text, already escaped for where it stands. */
    byte[] fill(Map<String, String> values) {
        byte[][] filled = new byte[slots.size()][];
        int size = 0;
        for (int i = 0; i < slots.size(); i++) {
            String v = values.get(slots.get(i));
            filled[i] = v == null ? new byte[0] : v.getBytes(StandardCharsets.UTF_8);
            size += filled[i].length;
        }
        for (byte[] f : fixed) {
            size += f.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        for (int i = 0; i < slots.size(); i++) {
            out.writeBytes(fixed.get(i));
            out.writeBytes(filled[i]);
        }
        out.writeBytes(fixed.get(slots.size()));
        return out.toByteArray();
    }
}
