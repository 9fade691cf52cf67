package huiqi.policy;

/** A chapter heading ("一、增强经营主体内生动力", "第二章 支持措施"): its ordinal and title. */
public record Chapter(int number, String title) {
}
