package huiqi.web.matching;

import huiqi.web.format.Periods;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.unbescape.html.HtmlEscape;

/**
 * What the 一企一策 page shows, every text already in the words and number format the enterprise reads (periods
 * in Chinese, amounts with thousands separators). Worked out once in Java so that the template only places
 * strings: formatting in the template cost a SpEL type lookup or a new number format per table cell.
 */
public record PolicyPage(List<String> notes, String cash, String relief, List<Eligible> eligible,
                  List<Other> undeterminable, List<Other> nearMisses, List<Other> ineligible) {

    /** A measure the enterprise gets: {@code amount} formatted, or — when the measure names no amount. */
    public record Eligible(String documentId, String docNumber, int measure, String validity, String title, String amount,
                           boolean relief, String payer, String delivery, boolean expired, String explanationHtml,
                           List<BearerPart> parts) {
    }

    /** borne_by: one bearer's part, in words ("由出租方 某公司 减免 3,500.00元（HT1、HT3）"). */
    public record BearerPart(String role, String name, String verb, String amount, String items) {
    }

    /** A measure not (yet) granted: {@code measure} reads "文号 第n条". */
    public record Other(String measure, String title, List<String> missing, String nearMiss, String explanationHtml) {
    }

    static PolicyPage of(MatchReport report) {
        return new PolicyPage(inText(report.notes()), amount(report.cash()) + " 元", amount(report.relief()) + " 元",
                report.eligible().stream().map(PolicyPage::eligible).toList(), others(report.undeterminable()),
                others(report.nearMisses()), others(report.ineligible()));
    }

    private static Eligible eligible(MatchReport.Benefit b) {
        return new Eligible(b.documentId(), b.docNumber(), b.measure(),
                b.validity() == null ? null : Periods.inText(b.validity()), b.title(),
                b.amount() == null ? "—" : amount(b.amount()), b.relief(), b.payer(), b.delivery(), b.expired(),
                explanationHtml(b.explanation()), b.parts().stream()
                        .map(p -> new BearerPart(p.role(), p.name(), b.relief() ? "减免" : "承担", amount(p.amount()) + "元",
                                "（" + String.join("、", p.items()) + "）")).toList());
    }

    private static List<Other> others(List<MatchReport.Benefit> benefits) {
        return benefits.stream().map(b -> new Other(b.docNumber() + " 第" + b.measure() + "条", b.title(),
                inText(b.missing()), Periods.inText(b.nearMiss()), explanationHtml(b.explanation()))).toList();
    }

    /**
     * The explanation's lines as the template wrote them, one {@code <div style="font-size:13px">} per line, escaped
     * by the function Thymeleaf's th:text uses. Built here because a th:each per line was the page's largest cost:
     * the explanations are most of its elements.
     */
    static String explanationHtml(List<String> lines) {
        if (lines == null) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (String line : lines) {
            html.append("<div style=\"font-size:13px\">").append(HtmlEscape.escapeHtml4Xml(Periods.inText(line)))
                    .append("</div>");
        }
        return html.toString();
    }

    private static List<String> inText(List<String> texts) {
        return texts == null ? List.of() : texts.stream().map(Periods::inText).toList();
    }

    /**
     * 1,234.50: what the template's {@code #numbers.formatDecimal(x, 1, 'COMMA', 2, 'POINT')} printed (two
     * decimals, DecimalFormat's default HALF_EVEN rounding). One format per thread: they are not thread-safe.
     */
    static String amount(BigDecimal v) {
        return AMOUNT.get().format(v);
    }

    private static final ThreadLocal<DecimalFormat> AMOUNT = ThreadLocal.withInitial(() -> {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return f;
    });
}
