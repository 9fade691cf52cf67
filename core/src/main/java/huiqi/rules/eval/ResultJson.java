package huiqi.rules.eval;

import huiqi.facts.IndicatorCatalog;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of {@code ./huiqi eval} and /api/v1/evaluate (docs/formats.md): amounts as strings with 2 decimals; each
 * missing fact with its id, its Chinese name and the period as an enterprise supplies it (catalog needed for the names).
 * A document's {@code scope:} conditions are explained once under {@code documents} and left out of its rules' lines.
 */
public final class ResultJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ResultJson() {
    }

    public static ObjectNode toJson(Evaluation ev, IndicatorCatalog catalog) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode ent = root.putObject("enterprise");
        ent.put("uscc", ev.enterprise().uscc());
        ent.put("name", ev.enterprise().name());
        ent.put("region", ev.enterprise().regionCode());
        root.put("asOf", ev.asOf() == null ? null : ev.asOf().toString());
        Map<String, List<String>> scopes = DocumentScopes.shownOnce(ev.results());
        ArrayNode documents = root.putArray("documents");
        scopes.forEach((doc, lines) -> {
            ObjectNode d = documents.addObject();
            d.put("docNumber", doc);
            ArrayNode scope = d.putArray("scope");
            lines.forEach(scope::add);
        });
        ArrayNode results = root.putArray("results");
        for (RuleResult r : ev.results()) {
            ObjectNode o = results.addObject();
            o.put("ruleId", r.ruleId());
            o.put("docNumber", r.docNumber());
            o.put("measure", r.measure());
            o.put("title", r.title());
            o.put("status", r.status().json());
            o.put("amount", Display.money(r.amount()));
            o.put("currency", r.currency());
            o.put("payer", r.payerLabel());
            ArrayNode payers = o.putArray("payers");
            for (RuleResult.PayerAmount p : r.payers()) {
                ObjectNode po = payers.addObject();
                po.put("payer", p.payer());
                po.put("amount", Display.money(p.amount()));
            }
            if (!r.parts().isEmpty()) {
                ArrayNode parts = o.putArray("parts");
                for (RuleResult.ItemPart p : r.parts()) {
                    ObjectNode po = parts.addObject();
                    po.put("role", p.role());
                    po.put("name", p.name());
                    po.put("amount", Display.money(p.amount()));
                    ArrayNode items = po.putArray("items");
                    p.items().forEach(items::add);
                }
            }
            o.put("delivery", r.delivery());
            ArrayNode ex = o.putArray("explanation");
            (scopes.containsKey(r.docNumber()) ? r.ownExplanation() : r.explanation()).forEach(ex::add);
            ArrayNode mi = o.putArray("missing");
            for (MissingFacts.Missing m : MissingFacts.entries(r.missing(), catalog)) {
                ObjectNode mo = mi.addObject();
                mo.put("id", m.id());
                mo.put("fact", m.fact());
                mo.put("label", m.label());
                mo.put("period", m.period());
            }
            ArrayNode mt = o.putArray("missingText");
            MissingFacts.describe(r.missing(), catalog).forEach(mt::add);
            o.put("nearMiss", r.nearMiss());
        }
        ObjectNode totals = root.putObject("totals");
        totals.put("total", Display.money(ev.total()));
        ObjectNode byPayer = totals.putObject("byPayer");
        ev.byPayer().forEach((k, v) -> byPayer.put(k, Display.money(v)));
        ObjectNode byCurrency = totals.putObject("byCurrency");
        ev.byCurrency().forEach((k, v) -> byCurrency.put(k, Display.money(v)));
        return root;
    }

    public static String write(Evaluation ev, IndicatorCatalog catalog) {
        return MAPPER.writeValueAsString(toJson(ev, catalog));
    }

    static String money(BigDecimal v) {
        return Display.money(v);
    }
}
