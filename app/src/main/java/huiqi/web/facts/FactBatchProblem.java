package huiqi.web.facts;

/**
 * One reason a fact batch was refused: {@code index} is the item's position in {@code facts} (0-based, null
 * for the batch itself and for item lists), {@code field} the offending key, {@code path} where it is in the
 * request body as a JSON path ({@code facts[3].value}, {@code lists[0].items[2].balance}), {@code reason} in Chinese.
 */
public record FactBatchProblem(Integer index, String field, String path, String reason) {
    FactBatchProblem(Integer index, String field, String reason) {
        this(index, field, index == null ? field : "facts[" + index + "]" + (field.isEmpty() ? "" : "." + field), reason);
    }

    static FactBatchProblem batch(String field, String reason) {
        return new FactBatchProblem(null, field, reason);
    }

    /** A problem in {@code lists}: {@code path} is its JSON path, {@code field} its last key ("" for a whole list or item). */
    static FactBatchProblem inList(String path, String field, String reason) {
        return new FactBatchProblem(null, field, path, reason);
    }
}
