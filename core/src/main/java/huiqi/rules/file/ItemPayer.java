package huiqi.rules.file;

/**
 * {@code borne_by:} each item's amount is borne by the party a text field of that item names (房租减免: each lease's
 * 出租方), while the rule's {@code payer} stays the unit acting on the platform. The rule's amount is then a sum over the
 * items of {@code kind}, and every result carries its parts per bearer, summing to the amount to the fen.
 *
 * @param kind      the items of the amount's loop (leases)
 * @param field     the text field naming the bearer (lessor)
 * @param fieldName its Chinese name (出租方)
 * @param verb      what the bearer does with its part, as the explanation says it (减免; default 承担)
 */
public record ItemPayer(String kind, String field, String fieldName, String verb) {
}
