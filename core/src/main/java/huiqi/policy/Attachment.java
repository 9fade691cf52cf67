package huiqi.policy;

/** A document attached to a notice ("附件2 XX行动计划"): its number and title; its measures carry the number. */
public record Attachment(int number, String title) {
}
