package huiqi.web.policy;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether a document is in force today and how that was decided. A document whose text names an end date
 * ends then; one that names none is judged by the validity its encoded rules were given (a 一季度 plan ends with
 * the quarter), and only without either is it taken to be in force until repealed — each case says so.
 */
public record DocumentValidity(boolean valid, String until, String basis) {

    public static DocumentValidity of(LocalDate effectiveUntil, Optional<LocalDate> rulesUntil, LocalDate today) {
        if (effectiveUntil != null) {
            return new DocumentValidity(!effectiveUntil.isBefore(today), effectiveUntil.toString(), "文件规定的有效期");
        }
        if (rulesUntil.isPresent()) {
            LocalDate end = rulesUntil.get();
            return new DocumentValidity(!end.isBefore(today), "文件未规定截止日期",
                    "按规则执行期（至 " + end + "）判定");
        }
        return new DocumentValidity(true, "文件未规定截止日期", "未见废止或修订，视为现行有效");
    }

    public String label() {
        return valid ? "现行有效" : "已失效";
    }
}
