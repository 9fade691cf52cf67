package huiqi.web.fulfilment;

import huiqi.app.StartupStep;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Cases, offers and budgets written before V700 (or whose payer the directory could not resolve then): bound now. */
@Component
@Order(106)
class FulfilmentUnitBinding implements StartupStep {
    private final FulfilmentUnits units;

    FulfilmentUnitBinding(FulfilmentUnits units) {
        this.units = units;
    }

    @Override
    public List<String> run(boolean demo) {
        int bound = units.bind();
        List<FulfilmentUnits.Unresolved> open = units.unresolved();
        List<String> notes = new java.util.ArrayList<>();
        if (bound > 0) {
            notes.add("组织目录：" + bound + " 条兑现事项、申报机会或预算已按付款方绑定到目录单位");
        }
        if (!open.isEmpty()) {
            notes.add("组织目录：" + open.size() + " 个付款方未能对应目录单位（见“组织目录”页面）："
                    + String.join("、", open.stream().limit(5).map(FulfilmentUnits.Unresolved::payer).toList()));
        }
        return notes;
    }
}
