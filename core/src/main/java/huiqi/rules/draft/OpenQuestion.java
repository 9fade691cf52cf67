package huiqi.rules.draft;

/**
 * Something the drafter could not map and will not guess: what it is about, the verbatim text it concerns
 * ({@code quote}, found at [{@code start}, {@code end}) of the measure's text; -1 when the text is silent) and what
 * the officer must answer.
 */
public record OpenQuestion(Topic topic, String quote, int start, int end, String question) {

    /** Which part of the draft the question is about. */
    public enum Topic { CATEGORY, SUBJECT, CONDITION, PERIOD, PARAMETER, AMOUNT, CAP, PAYER, DELIVERY }
}
