package huiqi.web.facts;

/** The batch id was already applied with other content (409): the stored batch is left as it was. */
public class FactBatchConflict extends RuntimeException {
    private final FactBatchResult original;

    FactBatchConflict(FactBatchResult original) {
        super("批次号 " + original.batchId() + " 已于 " + original.appliedAt() + " 以不同的内容入库，未做任何更改；"
                + "新的数据请使用新的批次号");
        this.original = original;
    }

    public FactBatchResult original() {
        return original;
    }
}
