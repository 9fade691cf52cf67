package huiqi.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A parsed policy document (政策文件): metadata from the head and 落款, its chapters and numbered measures.
 * Fields the text does not state are null (never guessed), and {@code warnings} says what was missing or odd.
 * {@code issuedOn} is the 成文/落款 date, {@code publishedOn} the publication date a web page states (发布日期),
 * {@code effectiveFrom} the 施行 date; {@code effectiveUntilEvent} names the event that ends an open-ended
 * validity ("省重大突发公共卫生事件一级响应结束"), with {@code effectiveUntil} null. A notice with attached documents
 * (附件1, 附件2…) lists them in {@code attachments}; the notice's own measures come first, then each attachment's,
 * numbered on, each measure naming its attachment.
 */
public record PolicyDocument(
        String docNumber,
        String issuer,
        String title,
        LocalDate issuedOn,
        LocalDate effectiveFrom,
        LocalDate effectiveUntil,
        Region region,
        Level level,
        List<Chapter> chapters,
        List<Measure> measures,
        List<String> warnings,
        LocalDate publishedOn,
        String effectiveUntilEvent,
        List<Attachment> attachments) {

    public PolicyDocument {
        chapters = List.copyOf(chapters);
        measures = List.copyOf(measures);
        warnings = List.copyOf(warnings);
        attachments = List.copyOf(attachments);
    }

    /** The measure with this number, if any. */
    public Optional<Measure> measure(int number) {
        return measures.stream().filter(m -> m.number() == number).findFirst();
    }
}
