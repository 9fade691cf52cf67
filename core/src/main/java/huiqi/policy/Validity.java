package huiqi.policy;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a document applies: "自印发之日起执行，有效期至2024年3月31日", "有效期截至2023年12月31日",
 * "自2024年6月1日起施行", "有效期2年". Read from canonical text outside the measures (head and closing part),
 * because measures carry their own periods ("政策执行至2024年12月31日").
 */
record Validity(LocalDate from, LocalDate until, boolean fromIsIssueDate, String untilEvent) {

    private static final Pattern FROM_ISSUE = Pattern.compile("自(?:印发|发布|公布|下发|发文|签发)之日起");
    private static final Pattern FROM_DATE = Pattern.compile("(?:自|从)\\s*(?:" + Dates.DATE.pattern() + ")\\s*(?:起|开始)");
    private static final Pattern UNTIL = Pattern.compile(
            "(?:有效期|执行期|实施期|施行期)(?:限)?(?:为|至|截至|截止|截止到|截止至|到)\\s*(?:" + Dates.DATE.pattern() + ")");
    private static final Pattern UNTIL_LOOSE = Pattern.compile(
            "(?:执行|实施|施行|有效)(?:至|到|截至)\\s*(?:" + Dates.DATE.pattern() + ")\\s*(?:止)?");
    /** "有效期至省重大突发公共卫生事件一级响应结束" / "执行至疫情防控应急响应解除之日": open-ended, ends with an event. */
    private static final Pattern UNTIL_EVENT = Pattern.compile(
            "(?:有效期|执行期|实施期|施行期|执行|实施|施行|有效)(?:限)?,?\\s*(?:为|至|截至|到)\\s*([^。;,\\d]{2,40}?(?:结束|解除|终止|取消|撤销))"
                    + "(?:之日|时|后)?(?:止|为止)?");
    private static final Pattern YEARS = Pattern.compile("有效期(?:为)?\\s*([一二两三四五六七八九十\\d]{1,2})\\s*年");

    static Validity of(String outsideMeasures, LocalDate issuedOn) {
        String s = Canon.tidy(outsideMeasures);
        LocalDate from = null;
        boolean fromIssue = false;
        Matcher f = FROM_DATE.matcher(s);
        if (f.find()) {
            from = Dates.toDate(f, 0);
        }
        if (from == null && FROM_ISSUE.matcher(s).find()) {
            from = issuedOn;
            fromIssue = true;
        }
        LocalDate until = null;
        for (Pattern p : new Pattern[] {UNTIL, UNTIL_LOOSE}) {
            Matcher u = p.matcher(s);
            if (until == null && u.find()) {
                until = Dates.toDate(u, 0);
            }
        }
        if (until == null && from != null) {
            Matcher y = YEARS.matcher(s);
            if (y.find()) {
                int years = Canon.ordinal(y.group(1));
                if (years > 0) {
                    until = from.plusYears(years).minusDays(1);
                }
            }
        }
        String event = null;
        if (until == null) {
            Matcher e = UNTIL_EVENT.matcher(s);
            if (e.find()) {
                event = e.group(1);
            }
        }
        return new Validity(from, until, fromIssue, event);
    }
}
