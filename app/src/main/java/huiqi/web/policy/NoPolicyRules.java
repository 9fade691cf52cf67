package huiqi.web.policy;

import java.util.List;
import org.springframework.stereotype.Component;

/** Until the core rule engine lands no measure has an encoded rule. */
@Component
class NoPolicyRules implements PolicyRules {
    @Override
    public List<RuleView> rulesOf(DocumentDraft document) {
        return List.of();
    }
}
