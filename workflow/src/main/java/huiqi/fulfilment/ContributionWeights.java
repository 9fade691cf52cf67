package huiqi.fulfilment;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Weights of the 社会贡献值 factors (税收、就业、产值、投资), each ≥ 0, not all zero. The score is normalised by
 * the sum of the weights of the factors known for an enterprise, so weights need not add up to 1.
 */
public record ContributionWeights(BigDecimal tax, BigDecimal employment, BigDecimal output, BigDecimal investment) {

    public static final ContributionWeights DEFAULT = new ContributionWeights(new BigDecimal("0.4"),
            new BigDecimal("0.3"), new BigDecimal("0.2"), new BigDecimal("0.1"));

    public ContributionWeights {
        for (BigDecimal w : new BigDecimal[] {tax, employment, output, investment}) {
            if (w == null || w.signum() < 0) {
                throw new IllegalArgumentException("社会贡献值权重必须为非负数");
            }
        }
        if (tax.signum() + employment.signum() + output.signum() + investment.signum() == 0) {
            throw new IllegalArgumentException("社会贡献值权重不能全为 0");
        }
    }

    public Map<ContributionFactor, BigDecimal> asMap() {
        Map<ContributionFactor, BigDecimal> m = new LinkedHashMap<>();
        m.put(ContributionFactor.TAX, tax);
        m.put(ContributionFactor.EMPLOYMENT, employment);
        m.put(ContributionFactor.OUTPUT, output);
        m.put(ContributionFactor.INVESTMENT, investment);
        return m;
    }
}
