package huiqi.web.fulfilment;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Until the rules engine is wired into the platform there is nothing to evaluate. Matches can still be
 * posted to /api/v1/fulfilment/matches (e.g. from a batch run).
 */
@Component
class PendingMatchSource implements MatchSource {
    @Override
    public Run run() {
        return new Run(List.of(), Set.of(), "规则引擎尚未接入平台，暂无匹配结果；可通过 POST /api/v1/fulfilment/matches 导入匹配");
    }
}
