package huiqi.rules.size;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.rules.size.SizeStandard.Bounds;
import huiqi.rules.size.SizeStandard.Measure;
import huiqi.rules.size.SizeStandard.Row;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every row of 工信部联企业〔2011〕300号 at every bound: one unit below (以下 excludes it) and at it (及以上 includes it). */
class SizeStandardTest {
    /** Figures at the given tier's bounds of the row, one measure moved by {@code delta}. */
    private static Map<Measure, BigDecimal> at(Row row, int tier, Measure moved, BigDecimal delta) {
        Map<Measure, BigDecimal> m = new EnumMap<>(Measure.class);
        for (Bounds b : row.bounds()) {
            BigDecimal v = tier == 0 ? b.upper() : tier == 1 ? b.medium() : b.small();
            m.put(b.measure(), b.measure() == moved ? v.add(delta) : v);
        }
        return m;
    }

    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal MINUS_ONE = ONE.negate();

    @Test
    void everyRowAtEveryBound() {
        assertThat(SizeStandard.ROWS).hasSize(16);
        String[] sizes = {"大型", "中型", "小型"};
        String[] below = {"中型", "小型", "微型"};
        for (Row row : SizeStandard.ROWS) {
            for (int tier = 0; tier < 3; tier++) {
                assertThat(SizeStandard.classify(row, at(row, tier, null, BigDecimal.ZERO)))
                        .as(row.name() + " 恰在第 " + tier + " 档界限").contains(sizes[tier]);
                for (Bounds b : row.bounds()) {
                    BigDecimal step = b.measure() == Measure.EMPLOYEES ? MINUS_ONE : new BigDecimal("-0.01");
                    assertThat(SizeStandard.classify(row, at(row, tier, b.measure(), step)))
                            .as(row.name() + " 的" + b.measure().label + "差一点到第 " + tier + " 档").contains(below[tier]);
                }
            }
        }
    }

    @Test
    void aMissingFigureIsUnknownUnlessAnotherDecides() {
        Row industry = SizeStandard.row("C3311").orElseThrow();
        assertThat(industry.name()).isEqualTo("工业");
        Map<Measure, BigDecimal> onlyHeads = new EnumMap<>(Map.of(Measure.EMPLOYEES, new BigDecimal("19")));
        assertThat(SizeStandard.classify(industry, onlyHeads)).contains("微型"); // 20人以下 is 微型 whatever the revenue
        onlyHeads.put(Measure.EMPLOYEES, new BigDecimal("20"));
        assertThat(SizeStandard.classify(industry, onlyHeads)).isEmpty();
        assertThat(SizeStandard.needed(industry, onlyHeads)).containsExactly(Measure.REVENUE);
    }

    @Test
    void industriesByCodePrefix() {
        assertThat(SizeStandard.row("F5137").map(Row::name)).contains("批发业");
        assertThat(SizeStandard.row("F5211").map(Row::name)).contains("零售业");
        assertThat(SizeStandard.row("G5430").map(Row::name)).contains("交通运输业（不含铁路运输业）");
        assertThat(SizeStandard.row("G5920").map(Row::name)).contains("仓储业");
        assertThat(SizeStandard.row("I6513").map(Row::name)).contains("软件和信息技术服务业");
        assertThat(SizeStandard.row("I6450").map(Row::name)).contains("信息传输业");
        assertThat(SizeStandard.row("K7010").map(Row::name)).contains("房地产开发经营");
        assertThat(SizeStandard.row("K7020").map(Row::name)).contains("物业管理");
        assertThat(SizeStandard.row("L7291").map(Row::name)).contains("租赁和商务服务业");
        assertThat(SizeStandard.row("M7320").map(Row::name)).contains("其他未列明行业");
        assertThat(SizeStandard.row("A0411").map(Row::name)).contains("农、林、牧、渔业");
        assertThat(SizeStandard.row("c3311").map(Row::name)).contains("工业");
        for (String none : List.of("J6620", "G5310", "S9221", "F", "F5", "K70", "G", "")) {
            assertThat(SizeStandard.row(none)).as(none).isEqualTo(Optional.empty());
        }
    }
}
