package huiqi.web.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * A parsed policy document as the platform stores it: the fields of the parser's JSON contract
 * (docs/formats.md, `./huiqi parse --json`) plus its id and source text. An officer may correct it before saving.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DocumentDraft(String id, String docNumber, String issuer, String title, LocalDate issuedOn,
                            LocalDate effectiveFrom, LocalDate effectiveUntil, Region region, String level,
                            List<Chapter> chapters, List<Measure> measures, List<String> warnings,
                            String sourceText) {

    public DocumentDraft {
        chapters = chapters == null ? List.of() : List.copyOf(chapters);
        measures = measures == null ? List.of() : List.copyOf(measures);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public DocumentDraft withId(String newId) {
        return new DocumentDraft(newId, docNumber, issuer, title, issuedOn, effectiveFrom, effectiveUntil, region,
                level, chapters, measures, warnings, sourceText);
    }

    public DocumentDraft withTitle(String newTitle) {
        return new DocumentDraft(id, docNumber, issuer, newTitle, issuedOn, effectiveFrom, effectiveUntil, region,
                level, chapters, measures, warnings, sourceText);
    }

    public DocumentDraft withSourceText(String text) {
        return new DocumentDraft(id, docNumber, issuer, title, issuedOn, effectiveFrom, effectiveUntil, region,
                level, chapters, measures, warnings, text);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Region(String code, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Chapter(String number, String title) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Measure(int number, String chapter, String title, String text, List<String> leadUnits,
                          List<String> responsibleUnits, List<String> inheritedUnits, List<Target> targets,
                          List<Amount> amounts) {
        public Measure {
            leadUnits = leadUnits == null ? List.of() : List.copyOf(leadUnits);
            responsibleUnits = responsibleUnits == null ? List.of() : List.copyOf(responsibleUnits);
            inheritedUnits = inheritedUnits == null ? List.of() : List.copyOf(inheritedUnits);
            targets = targets == null ? List.of() : List.copyOf(targets);
            amounts = amounts == null ? List.of() : List.copyOf(amounts);
        }

        public Measure withUnits(List<String> lead, List<String> responsible) {
            return new Measure(number, chapter, title, text, lead, responsible, inheritedUnits, targets, amounts);
        }

        /** Every unit that must deliver this measure: lead, responsible and inherited, without repeats. */
        public List<String> allUnits() {
            return Stream.of(leadUnits, responsibleUnits, inheritedUnits)
                    .flatMap(List::stream).distinct().toList();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Target(String text, BigDecimal quantity, String unit, String comparator, String deadline) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Amount(String text, BigDecimal value, String unit) {
    }
}
