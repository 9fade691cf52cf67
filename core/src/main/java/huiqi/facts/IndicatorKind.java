package huiqi.facts;

/**
 * Whether an indicator's values add up over periods. A flow (营业收入, 用电量) for a quarter is the sum of its months;
 * a stock (从业人数, 贷款余额, 参保人数, a rate) is a value at a point in time or for one reporting period: a
 * quarter's or a year's figure is its average or its value at the period's end, never the sum of its months.
 */
public enum IndicatorKind {
    FLOW("流量"), STOCK("存量");

    public final String label;

    IndicatorKind(String label) {
        this.label = label;
    }

    static IndicatorKind parse(Object v, String id, String file) {
        return switch (String.valueOf(v)) {
            case "flow" -> FLOW;
            case "stock" -> STOCK;
            default -> throw new IllegalArgumentException(file + ": 指标 " + id + " 的 kind 应为 flow（流量，可跨期相加）或 stock（存量，时点数），实为 '" + v + "'");
        };
    }
}
