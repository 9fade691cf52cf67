package huiqi.fulfilment;

import huiqi.rules.Labels;
/** The facts a 社会贡献值 is made of, with the indicator (indicators.yaml) each one is read from. */
public enum ContributionFactor {
    TAX("纳税额", "tax_paid"),
    EMPLOYMENT("参保人数", "insured_headcount"),
    OUTPUT("工业总产值", "industrial_output"),
    INVESTMENT("固定资产投资", "fixed_asset_investment");

    private final String label;
    private final String indicator;

    ContributionFactor(String label, String indicator) {
        this.label = label;
        this.indicator = indicator;
    }

    public String label() {
        return label;
    }

    public String indicator() {
        return indicator;
    }

    /** Accepts the label or the English name. */
    public static ContributionFactor parse(String s) {
        return Labels.parse(values(), ContributionFactor::label, s)
                .orElseThrow(() -> new IllegalArgumentException("未知的贡献因素：" + s));
    }
}
