package huiqi.web.organisation;

import huiqi.app.StartupStep;
import huiqi.org.UnitSeed;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** First start (and after a seed file grows): the seeded directory units not yet in the database. */
@Component
@Order(5)
class OrgSeedStep implements StartupStep {
    private final OrgStore store;

    OrgSeedStep(OrgStore store) {
        this.store = store;
    }

    @Override
    public List<String> run(boolean demo) {
        int added = store.seed(UnitSeed.load());
        return added == 0 ? List.of() : List.of("组织目录：导入种子单位 " + added + " 个");
    }
}
