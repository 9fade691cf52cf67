package huiqi.web.rulesets;

import huiqi.facts.Granularity;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.IndicatorKind;
import huiqi.facts.PeriodRange;
import huiqi.facts.Sign;
import huiqi.rules.file.NewIndicators;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Indicators added to the catalog in the platform (#16 item 6): a rule set proposes them ({@code new_indicators:}),
 * publishing it records them (table catalog_indicator) and adds them to the live {@link IndicatorCatalog}, the one
 * instance every importer, checker and engine holds, so they are importable and usable at once. At start-up the
 * recorded ones are added to the catalog read from indicators.yaml.
 */
@Component
public class CatalogIndicators {
    private static final Logger log = LoggerFactory.getLogger(CatalogIndicators.class);
    private final IndicatorCatalog catalog;
    private final JdbcClient jdbc;

    CatalogIndicators(IndicatorCatalog catalog, JdbcClient jdbc) {
        this.catalog = catalog;
        this.jdbc = jdbc;
        for (IndicatorCatalog.Indicator i : recorded()) {
            if (catalog.indicator(i.id()).isEmpty()) {
                catalog.add(i);
            }
        }
    }

    /** Every indicator added in the platform, oldest first. */
    public List<IndicatorCatalog.Indicator> recorded() {
        return jdbc.sql("select id, name, unit, granularity, source, sign, integral, kind from catalog_indicator order by added_at, id")
                .query((rs, n) -> new IndicatorCatalog.Indicator(rs.getString(1), rs.getString(2), rs.getString(3),
                        Granularity.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)), rs.getString(5),
                        "any".equals(rs.getString(6)) ? Sign.ANY : Sign.NONNEGATIVE, rs.getBoolean(7), PeriodRange.DEFAULT,
                        "stock".equals(rs.getString(8)) ? IndicatorKind.STOCK : IndicatorKind.FLOW))
                .list();
    }

    /**
     * Records the proposals of a version being published that the catalog does not hold yet (in the caller's
     * transaction) and returns them; {@link #addToCatalog} makes them live once it has committed. A proposal whose id
     * the catalog meanwhile holds with another definition refuses the publication.
     */
    List<IndicatorCatalog.Indicator> record(RuleSetVersion v, Editor who) {
        List<IndicatorCatalog.Indicator> added = new ArrayList<>();
        for (IndicatorCatalog.Indicator p : NewIndicators.of(v.yaml())) {
            Optional<IndicatorCatalog.Indicator> held = catalog.indicator(p.id());
            if (held.isPresent()) {
                if (!NewIndicators.sameDefinition(held.get(), p)) {
                    throw new RuleSetRefused("新指标 " + p.id() + " 已由其他规则集以不同的定义加入指标目录（" + held.get().name()
                            + "）：请退回作者改用目录中的指标");
                }
                continue;
            }
            jdbc.sql("""
                    insert into catalog_indicator (id, name, unit, granularity, source, sign, integral, kind, policy_id, version, added_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(p.id(), p.name(), p.unit(), p.granularity().name().toLowerCase(Locale.ROOT), p.source(),
                            p.sign() == Sign.ANY ? "any" : "nonnegative", p.integral(),
                            p.kind() == IndicatorKind.STOCK ? "stock" : "flow", v.policyId(), v.version(), who.username())
                    .update();
            added.add(p);
        }
        return added;
    }

    void addToCatalog(List<IndicatorCatalog.Indicator> added) {
        for (IndicatorCatalog.Indicator i : added) {
            if (catalog.indicator(i.id()).isEmpty()) {
                catalog.add(i);
                log.info("指标目录新增 {}（{}，{}）", i.id(), i.name(), i.source());
            }
        }
    }
}
