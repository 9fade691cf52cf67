package huiqi.web.facts;

/**
 * One reason a fact batch was refused: {@code index} is the item's position in {@code facts} (0-based, null
 * for the batch itself), {@code field} the offending key, {@code reason} in Chinese.
 */
public record FactBatchProblem(Integer index, String field, String reason) {
    static FactBatchProblem batch(String field, String reason) {
        return new FactBatchProblem(null, field, reason);
    }
}
