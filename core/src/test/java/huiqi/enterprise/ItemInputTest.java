package huiqi.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Item;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Items in enterprise JSON (#17 item 1): read like facts (units, %, dates), all or nothing, errors naming the item. */
class ItemInputTest {
    static final IndicatorCatalog CATALOG;

    static {
        try {
            CATALOG = IndicatorCatalog.load(IndicatorCatalog.locate(Path.of("")));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EnterpriseRecord json(String items) {
        return EnterpriseJson.parse("{\"profile\": {\"uscc\": \"91350100MA2XXXXX0G\", \"name\": \"甲\", \"region\": \"350102\"}, \"items\": "
                + items + "}", "e.json", CATALOG);
    }

    @Test
    void loansAreReadWithUnitsPercentagesAndDates() {
        EnterpriseRecord r = json("{\"贷款\": [{\"贷款编号\": \"L001\", \"起息日\": \"2020-03-01\", \"balance\": \"500万元\", \"rate\": \"3.45%\"},"
                + " {\"id\": \"L002\", \"start\": \"2020-04-01\", \"balance\": 1200000, \"lender\": \"农商行\", \"end\": null}],"
                + " \"leases\": []}");
        Item l1 = r.facts().items("loans").get(0);
        assertThat(l1.id()).isEqualTo("L001");
        assertThat(l1.get("start")).isEqualTo(LocalDate.of(2020, 3, 1));
        assertThat((BigDecimal) l1.get("balance")).isEqualByComparingTo("5000000");
        assertThat((BigDecimal) l1.get("rate")).isEqualByComparingTo("0.0345");
        assertThat(r.facts().items("loans").get(1).get("end")).isNull();
        assertThat(r.facts().hasItems("leases")).isTrue();
        assertThat(r.facts().items("leases")).isEmpty();
        assertThat(r.facts().hasItems("contracts")).isFalse();
    }

    @Test
    void wrongItemsAreRefusedWithTheirPlace() {
        assertThatThrownBy(() -> json("{\"loanz\": []}")).hasMessageContaining("items.loanz").hasMessageContaining("未知清单");
        assertThatThrownBy(() -> json("{\"loans\": [{\"id\": \"L1\", \"balanse\": \"1元\"}]}"))
                .hasMessageContaining("items.loans[0]").hasMessageContaining("贷款没有字段 'balanse'");
        assertThatThrownBy(() -> json("{\"loans\": [{\"id\": \"L1\", \"balance\": \"1千瓦时\"}]}"))
                .hasMessageContaining("贷款 L1 的贷款余额").hasMessageContaining("元");
        assertThatThrownBy(() -> json("{\"loans\": [{\"id\": \"L1\", \"start\": \"2020-02-30\"}]}"))
                .hasMessageContaining("贷款 L1 的起息日").hasMessageNotContaining("Text '");
        assertThatThrownBy(() -> json("{\"loans\": [{\"start\": \"2020-02-01\"}]}")).hasMessageContaining("贷款缺少贷款编号");
        assertThatThrownBy(() -> json("{\"loans\": [{\"id\": \"L1\"}, {\"id\": \"L1\"}]}")).hasMessageContaining("贷款 L1 重复");
    }
}
