package huiqi.facts;

/**
 * Types of enterprise profile attributes declared in indicators.yaml. {@code ZONE}: the name of a 园区 / 功能区
 * of regions/zones.csv (read as text, written by name, short name or alias, stored by canonical name), or 无.
 */
public enum AttributeType {
    BOOLEAN, TEXT, CODE, DATE, MONTH, NUMBER, ZONE
}
