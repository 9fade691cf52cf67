package huiqi.rules.file;

/** Relation to same-class policies: 叠加 (may be combined) or 取高不重复 (only the highest is paid). */
public enum Stacking {
    叠加, 取高不重复
}
