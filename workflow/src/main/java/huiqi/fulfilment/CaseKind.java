package huiqi.fulfilment;

/** 兑现: the first payment of a benefit; 补发: a top-up after new data; 冲正: a recovery (negative amount). */
public enum CaseKind {
    兑现, 补发, 冲正
}
