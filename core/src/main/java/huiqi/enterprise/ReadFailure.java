package huiqi.enterprise;

import java.nio.charset.CharacterCodingException;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * Why a file could not be read, in words for the user: parser exceptions (commons-csv, POI, the JDK) speak English
 * and may name the server's temporary directory, so their message is never shown as is.
 */
public final class ReadFailure {
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    private ReadFailure() {
    }

    public static String describe(Throwable e) {
        String top = e.getMessage();
        if (top != null && CJK.matcher(top).find() && !top.contains("/tmp") && !top.contains("huiqi-import-")) {
            return top; // ours, already in Chinese
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String type = t.getClass().getName();
            String msg = t.getMessage() == null ? "" : t.getMessage();
            if (type.startsWith("org.apache.commons.csv") || msg.contains("encapsulated token")
                    || msg.contains("EOF reached before encapsulated")) {
                return "CSV 格式错误：引号未闭合，或引号与分隔符之间有多余字符";
            }
            if (type.startsWith("org.apache.poi") || t instanceof ZipException) {
                return "不是有效的 .xlsx 文件（可能已损坏或实为其他格式）";
            }
            if (t instanceof CharacterCodingException) {
                return "文件编码无法识别（应为 UTF-8 或 GBK）";
            }
        }
        return "文件无法读取（格式错误或已损坏）";
    }
}
