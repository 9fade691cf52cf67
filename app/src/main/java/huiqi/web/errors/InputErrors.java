package huiqi.web.errors;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.temporal.Temporal;
import java.util.Optional;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The Chinese sentence for a malformed request, shared by the API (problem+json) and the pages. Spring's own
 * messages ("Failed to convert 'id'", "Failed to read request", "Invalid value for MonthOfYear") are English
 * and name Java types: never shown.
 */
final class InputErrors {
    private InputErrors() {
    }

    static String typeMismatch(TypeMismatchException e) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        String expected = type == null ? "" : Number.class.isAssignableFrom(box(type)) ? "（应为整数）"
                : Temporal.class.isAssignableFrom(type) ? "（应为日期，如 2024-02-01）" : "";
        return "参数 " + (name == null ? "" : name) + " 的值 '" + shorten(String.valueOf(e.getValue())) + "' 格式不正确"
                + expected;
    }

    static String missing(MissingServletRequestParameterException e) {
        return "缺少参数 " + e.getParameterName();
    }

    static String unreadable(HttpMessageNotReadableException e) {
        return "请求体无法读取：应为有效的 JSON（注意引号、逗号和括号），数值不能超出范围";
    }

    static String dateTime(DateTimeException e) {
        return "日期或月份无效（月份应为 1-12，日期应在当月天数以内）";
    }

    static String tooLarge(String limit) {
        return "上传的文件过大：单个文件最大 " + limit + "，一次请求最大 " + limit + "。请压缩或拆分后再上传";
    }

    /**
     * The user's words for a value the database refused as out of range (SQLState 22003 numeric overflow,
     * 22001 text too long, 22008 date out of range); empty for any other failure, which stays a server error.
     */
    static Optional<String> outOfRange(org.springframework.dao.DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return switch (sql.getSQLState()) {
                    case "22003" -> Optional.of("数值超出可存储的范围（位数过多），请检查输入");
                    case "22001" -> Optional.of("文字过长，超出可存储的长度，请缩短后重试");
                    case "22008" -> Optional.of("日期超出可存储的范围，请检查输入");
                    default -> Optional.empty();
                };
            }
        }
        return Optional.empty();
    }

    private static Class<?> box(Class<?> t) {
        if (!t.isPrimitive()) {
            return t;
        }
        return t == boolean.class || t == char.class ? Object.class : Number.class;
    }

    private static String shorten(String s) {
        String clean = s.replaceAll("[\\p{Cntrl}]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
