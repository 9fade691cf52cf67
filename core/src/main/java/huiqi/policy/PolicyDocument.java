package huiqi.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * A parsed policy document (政策文件): metadata from the head and 落款, its chapters and numbered measures.
 * Fields the text does not state are null (never guessed), and {@code warnings} says what was missing or odd.
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
        List<String> warnings) {

    public PolicyDocument {
        chapters = List.copyOf(chapters);
        measures = List.copyOf(measures);
        warnings = List.copyOf(warnings);
    }

    /** The measure with this number, if any. */
    public java.util.Optional<Measure> measure(int number) {
        return measures.stream().filter(m -> m.number() == number).findFirst();
    }
}
