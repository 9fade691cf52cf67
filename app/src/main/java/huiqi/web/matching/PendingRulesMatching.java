package huiqi.web.matching;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;

/** Until the core rule engine lands there is nothing to evaluate; the page says so instead of showing zero. */
@Component
class PendingRulesMatching implements BenefitMatching {
    @Override
    public MatchReport match(String uscc) {
        return new MatchReport(uscc, List.of(), List.of(), List.of(), BigDecimal.ZERO,
                List.of("规则引擎尚未接入平台，暂不能计算本企业可享受的政策"));
    }
}
