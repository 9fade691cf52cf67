package huiqi.web.fulfilment;

import java.util.List;
import java.util.Map;
import huiqi.web.organisation.UnboundNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Binds 兑现 rows to 组织目录 ids (V700): each case's and offer's payer resolved in the context of its rule's
 * document ({@link PublishedPayers#forRule}) gives {@code payer_unit_ids}, and the reviewing unit
 * ({@code unit_id}) when the payer is one unit; each budget's payer its {@code unit_ids}. Runs at start for rows
 * written before V700 and after every match run for new ones. A payer that does not resolve gets an empty list
 * (names are then compared, as before) and is listed ({@link #unresolved}) until a 管理员 maps it.
 */
@Component
public class FulfilmentUnits implements UnboundNames {
    private final JdbcClient jdbc;
    private final PublishedPayers payers;

    FulfilmentUnits(JdbcClient jdbc, PublishedPayers payers) {
        this.jdbc = jdbc;
        this.payers = payers;
    }

    /** A payer as rules name it that resolves to no directory unit, with the cases that name it. */
    public record Unresolved(String payer, long cases) {
    }

    /** Binds cases, offers and budgets not bound yet (or resolved to nothing last time); returns how many got ids. */
    public int bind() {
        int bound = bindCases();
        for (String payer : jdbc.sql("select payer from payer_budget where unit_ids is null or cardinality(unit_ids) = 0")
                .query(String.class).list()) {
            bound += budget(payer);
        }
        return bound;
    }

    /** Binds the cases and offers (what a match run calls, in its transaction); returns how many rows got ids. */
    public int bindCases() {
        int bound = 0;
        for (String table : List.of("fulfilment_case", "fulfilment_offer")) {
            List<Map.Entry<String, String>> pairs = jdbc.sql("select distinct rule_id, payer from " + table
                            + " where payer_unit_ids is null or cardinality(payer_unit_ids) = 0")
                    .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list();
            for (var pair : pairs) {
                PublishedPayers.Resolved r = payers.forRule(pair.getKey(), pair.getValue());
                String[] ids = r.real() ? r.unitIds().toArray(String[]::new) : new String[0];
                String unitId = ids.length == 1 ? ids[0] : null;
                // still unresolved: only rows never tried are marked (no row is rewritten, or locked, at every run)
                String unbound = ids.length > 0 ? "(payer_unit_ids is null or cardinality(payer_unit_ids) = 0)"
                        : "payer_unit_ids is null";
                int n = jdbc.sql("update " + table + " set payer_unit_ids = ?, unit_id = coalesce(unit_id, ?)"
                                + " where rule_id = ? and payer = ? and " + unbound)
                        .params(ids, unitId, pair.getKey(), pair.getValue()).update();
                bound += ids.length > 0 ? n : 0;
            }
        }
        return bound;
    }

    /** Records the directory units of a budget's payer; returns 1 when it resolved. */
    int budget(String payer) {
        PublishedPayers.Resolved r = payers.check(payer);
        String[] ids = r.real() ? r.unitIds().toArray(String[]::new) : new String[0];
        jdbc.sql("update payer_budget set unit_ids = ? where payer = ? and (unit_ids is null or ?)")
                .params(ids, payer, ids.length > 0).update();
        return ids.length > 0 ? 1 : 0;
    }

    /** Payers of cases that resolve to no directory unit, most cases first. */
    public List<Unresolved> unresolved() {
        return jdbc.sql("""
                        select payer, count(*) from fulfilment_case where cardinality(payer_unit_ids) = 0
                        group by payer order by count(*) desc, payer""")
                .query((rs, i) -> new Unresolved(rs.getString(1), rs.getLong(2))).list();
    }

    @Override
    public String title() {
        return "兑现事项的付款方";
    }

    @Override
    public List<String> names() {
        return unresolved().stream().map(u -> u.payer() + "（" + u.cases() + " 个事项）").toList();
    }
}
