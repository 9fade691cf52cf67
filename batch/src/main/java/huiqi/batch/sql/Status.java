package huiqi.batch.sql;

/**
 * A rule's status inside the evaluation query and the result tables: a one-byte integer code, 0 不符合, 1 符合,
 * 2 无法判断 (cheaper to compute, store and compare than text). The words 'eligible' / 'ineligible' /
 * 'undeterminable' appear only where results leave ({@link #text}).
 */
public final class Status {
    public static final int INELIGIBLE = 0;
    public static final int ELIGIBLE = 1;
    public static final int UNDETERMINABLE = 2;
    /** The SQL type of a status column (standard in DuckDB and Spark SQL). */
    public static final String TYPE = "TINYINT";

    private Status() {
    }

    public static String eligible(String column) {
        return column + " = " + ELIGIBLE;
    }

    public static String ineligible(String column) {
        return column + " = " + INELIGIBLE;
    }

    /** Decided either way (not 无法判断). */
    public static String decided(String column) {
        return column + " < " + UNDETERMINABLE;
    }

    /** The status as the word results carry out ('eligible', 'ineligible', 'undeterminable'). */
    public static String text(String column) {
        return "CASE " + column + " WHEN " + ELIGIBLE + " THEN 'eligible' WHEN " + INELIGIBLE
                + " THEN 'ineligible' ELSE 'undeterminable' END";
    }

    /** The word for a code read back from a result table. */
    public static String word(int code) {
        return switch (code) {
            case ELIGIBLE -> "eligible";
            case INELIGIBLE -> "ineligible";
            default -> "undeterminable";
        };
    }

    /**
     * The status of a rule with conditions {@code condition} (3-valued) and, for a computable rule, amount
     * {@code amount} (null otherwise): 不符合 when a condition is false; 符合 when all hold (and the amount is known);
     * else 无法判断. Without an amount the boolean itself is the code (FALSE → 0, TRUE → 1), NULL → 2.
     */
    public static String of(String condition, String amount) {
        if (amount == null) {
            return "COALESCE(CAST(" + condition + " AS " + TYPE + "), CAST(" + UNDETERMINABLE + " AS " + TYPE + "))";
        }
        return "CAST(CASE WHEN " + condition + " IS FALSE THEN " + INELIGIBLE + " WHEN " + condition + " AND " + amount
                + " IS NOT NULL THEN " + ELIGIBLE + " ELSE " + UNDETERMINABLE + " END AS " + TYPE + ")";
    }

    /** The status as a 3-valued condition (eligible() in a rule): TRUE, FALSE, or NULL when undeterminable. */
    public static String asCondition(String column) {
        return "CASE WHEN " + decided(column) + " THEN " + eligible(column) + " END";
    }
}
