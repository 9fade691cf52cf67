package huiqi.facts;

/** Which signs an indicator's values may have: a count or an amount is never negative, a rate of change may be. */
public enum Sign {
    NONNEGATIVE, ANY
}
