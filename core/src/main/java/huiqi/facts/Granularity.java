package huiqi.facts;

/** How finely an indicator is reported. */
public enum Granularity {
    DAY, MONTH, QUARTER, YEAR
}
