package huiqi.batch.sql;

import huiqi.rules.file.Rule;

/**
 * Where one rule's result lands in the evaluation query: status column, final amount column (NULL unless
 * eligible and computable) and the payers' amount columns (payer 2 only for rules with two payers). {@code partRows}
 * (borne_by rules only, else null): a query over {@code wide} of the rule's items, see {@link ItemSql#partRows}.
 */
public record CompiledRule(Rule rule, int index, String statusColumn, String amountColumn, String payer1Column,
                           String payer2Column, String partRows) {
    public CompiledRule(Rule rule, int index, String statusColumn, String amountColumn, String payer1Column, String payer2Column) {
        this(rule, index, statusColumn, amountColumn, payer1Column, payer2Column, null);
    }

    /** The amount before 取高不重复 (kept in result tables so that a what-if can reuse it), or null. */
    public String rawAmountColumn() {
        return amountColumn == null ? null : "r_" + index;
    }

    public String payer1() {
        return rule.payers().isEmpty() ? "" : rule.payers().get(0).label();
    }

    public String payer2() {
        return rule.payers().size() > 1 ? rule.payers().get(1).label() : null;
    }
}
