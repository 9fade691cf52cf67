package huiqi.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the words around a target's number become its comparator. */
class TargetComparatorTest {
    @ParameterizedTest(name = "{0}〔数〕{1} → {2}")
    @CsvSource(delimiter = '|', value = {
        "担保放大倍数同比上升 |          | >=",   // 榕政办规〔2024〕2号 4: a rise of at least 25%
        "产值增长 |                      | >=",
        "力争新增 |                      | >=",
        "提高到 |                        | >=",
        "审批时限压减 |                  | >=",   // cut by at least X
        "审批时限缩短至 |                | <=",   // cut down to X: at most X
        "融资担保费率持续低于 |          | <",
        "不低于 |                        | >=",
        "超过 |                          | >",
        "产值 |以上                      | >=",
        "产值 |(不含)以上               | >",
        "建设高标准农田 |                | =",    // a plain quantity to deliver
        "稳定在 |左右                    | ~",
    })
    void readsTheComparator(String prefix, String after, String expected) {
        assertThat(Quantities.comparator(prefix.strip(), after == null ? "" : after.strip())).isEqualTo(expected);
    }
}
