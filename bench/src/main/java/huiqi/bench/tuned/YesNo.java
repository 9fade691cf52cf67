package huiqi.bench.tuned;

/** A yes/no attribute of an enterprise that may not have been reported (UNKNOWN → the rule is 无法判断 unless another condition is false). */
public enum YesNo {
    YES, NO, UNKNOWN;

    static YesNo of(byte column) {
        return column == huiqi.bench.Columns.UNKNOWN ? UNKNOWN : column == 1 ? YES : NO;
    }
}
