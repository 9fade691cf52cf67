package huiqi.facts;

/** Types of enterprise profile attributes declared in indicators.yaml. */
public enum AttributeType {
    BOOLEAN, TEXT, CODE, DATE, MONTH, NUMBER
}
