package huiqi.testdata;

import huiqi.enterprise.AttributeValues;
import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.FactValue;
import huiqi.facts.Facts;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import huiqi.facts.Provenance;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a synthetic enterprise population of 福州/泉州 (and a few of 莆田, 杨凌, 黄石) in the import format (profiles.csv, facts.csv in
 * long form, items.csv with the listed items such as leases) plus scenarios.csv, which lists the enterprises placed on each side of each rule threshold and the
 * status the rule must give them. Enterprise i depends only on (seed, i), rows are streamed out one enterprise
 * at a time, so output is deterministic for a seed and memory stays flat for any N.
 */
public final class PopulationGenerator {
    /** Profile attribute columns, in output order. */
    static final List<String> ATTRIBUTES = List.of(
            "manufacturing", "above_scale_industrial", "above_quota_trade", "above_quota_catering", "above_scale_service",
            "stats_included_month", "production_start_month", "upgraded_to_above_scale", "in_upgrade_cultivation_pool",
            "key_enterprise", "foreign_invested", "high_tech_enterprise", "small_scale_vat_taxpayer",
            "non_residential_piped_gas_price", "has_self_export", "key_project_contractor", "established_date",
            "spring_festival_no_stoppage", "overseas_trip_pre_reported", "vat_producer_services", "vat_consumer_services",
            "individual_business", "loan_maturity_date", "covid_temporary_difficulty", "travel_agency_licence_date",
            "travel_deposit_relief", "zone", "spring_2023_continuous_production",
            "ui_paid_12_months", "mu_efficiency_class", "little_giant", "hidden_champion", "single_champion", "unicorn",
            "quasi_unicorn");
    /** The item kinds the generator lists (黄石 leases, hs-2023-5; 萧山 loans, xs-2023-13). */
    static final List<String> GENERATED_ITEM_KINDS = List.of("leases", "loans");
    /**
     * The items again as the importer reads them (one row per item, a column per field, docs/formats.md 清单文件);
     * items.csv is the long form ./huiqi batch reads.
     */
    public static final String ITEM_IMPORT_FILE = "item-list.csv";
    /** Every 50th enterprise (beyond the first pass over all scenarios) is another scenario enterprise. */
    static final int SCENARIO_EVERY = 50;

    private final long seed;
    private final List<Scenario> scenarios;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final IndicatorCatalog catalog;

    public PopulationGenerator(long seed, IndicatorCatalog catalog, BoundarySource boundaries) {
        this.seed = seed;
        this.catalog = catalog;
        List<Scenario> s = new ArrayList<>();
        for (Boundary b : boundaries.boundaries()) {
            for (BoundaryCase c : b.cases()) {
                s.add(new Scenario(b, c));
            }
        }
        this.scenarios = List.copyOf(s);
        for (String a : ATTRIBUTES) {
            catalog.attribute(a).orElseThrow(() -> new IllegalStateException("indicators.yaml 缺少属性 " + a));
        }
        catalog.indicators().forEach(i -> sources.put(i.id(), i.source()));
    }

    public record Summary(long enterprises, long factRows, long scenarioEnterprises, int scenarioKinds) {
    }

    public List<Scenario> scenarios() {
        return scenarios;
    }

    /** The scenario of enterprise {@code index}, or null for an ordinary one. */
    public Scenario scenarioOf(long index) {
        if (scenarios.isEmpty()) {
            return null;
        }
        if (index < scenarios.size()) {
            return scenarios.get((int) index);
        }
        return index % SCENARIO_EVERY == 7 ? scenarios.get((int) ((index / SCENARIO_EVERY) % scenarios.size())) : null;
    }

    /** Enterprise {@code index} of this seed's population. */
    public SyntheticEnterprise enterprise(long index) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        SyntheticEnterprise e = new SyntheticEnterprise(index);
        RealisticPopulation.fill(e, r);
        Scenario s = scenarioOf(index);
        if (s != null) {
            s.boundary().apply(e, s.boundaryCase());
        }
        return e;
    }

    /**
     * Enterprise {@code index} as the rule engine sees it, typed exactly as importing the written files would
     * type it (provenance names facts.csv without a row). Lets tests evaluate a population without files.
     */
    public EnterpriseRecord record(long index) {
        SyntheticEnterprise e = enterprise(index);
        Map<String, Object> attributes = new LinkedHashMap<>();
        e.attributes.forEach((id, text) -> attributes.put(id, AttributeValues.parse(catalog.attribute(id).orElseThrow().type(), text)));
        Facts facts = Facts.empty();
        e.facts.forEach((key, value) -> {
            int bar = key.indexOf('|');
            String indicator = key.substring(0, bar);
            facts.put(new FactValue(indicator, Period.parse(key.substring(bar + 1)), value.stripTrailingZeros(),
                    new Provenance(sources.get(indicator), "facts.csv", null)));
        });
        e.items.forEach(facts::add);
        return new EnterpriseRecord(new Enterprise(e.uscc, e.name, e.regionCode, e.industryCode, e.size, attributes), facts);
    }

    public Summary generate(long count, Path dir, LongConsumer progress) throws IOException {
        Files.createDirectories(dir);
        long facts = 0;
        long scenarioEnterprises = 0;
        CSVFormat csv = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
        try (Writer pw = writer(dir.resolve("profiles.csv")); CSVPrinter profiles = new CSVPrinter(pw, csv);
             Writer fw = writer(dir.resolve("facts.csv")); CSVPrinter factRows = new CSVPrinter(fw, csv);
             Writer sw = writer(dir.resolve("scenarios.csv")); CSVPrinter scenarioRows = new CSVPrinter(sw, csv);
             Writer iw = writer(dir.resolve("items.csv")); CSVPrinter itemRows = new CSVPrinter(iw, csv);
             Writer lw = writer(dir.resolve(ITEM_IMPORT_FILE)); CSVPrinter importRows = new CSVPrinter(lw, csv)) {
            List<String> itemFields = itemImportFields();
            List<String> importHeader = new ArrayList<>(List.of("uscc", "kind", "item_id"));
            importHeader.addAll(itemFields);
            importRows.printRecord(importHeader);
            List<String> header = new ArrayList<>(List.of("uscc", "name", "region_code", "industry_code", "size"));
            header.addAll(ATTRIBUTES);
            header.add("source");
            profiles.printRecord(header);
            factRows.printRecord("uscc", "indicator", "period", "value", "source");
            scenarioRows.printRecord("uscc", "rule_id", "boundary", "case", "value", "expected");
            itemRows.printRecord("uscc", "kind", "item_id", "field", "value");
            Object[] row = new Object[header.size()];
            for (long i = 0; i < count; i++) {
                SyntheticEnterprise e = enterprise(i);
                row[0] = e.uscc;
                row[1] = e.name;
                row[2] = e.regionCode;
                row[3] = e.industryCode;
                row[4] = e.size;
                for (int a = 0; a < ATTRIBUTES.size(); a++) {
                    row[5 + a] = e.attributes.getOrDefault(ATTRIBUTES.get(a), "");
                }
                row[row.length - 1] = "市场监管局";
                profiles.printRecord(row);
                for (Map.Entry<String, BigDecimal> f : e.facts.entrySet()) {
                    String key = f.getKey();
                    int bar = key.indexOf('|');
                    String indicator = key.substring(0, bar);
                    String source = sources.get(indicator);
                    if (source == null) {
                        throw new IllegalStateException("indicators.yaml 缺少指标 " + indicator);
                    }
                    factRows.printRecord(e.uscc, indicator, key.substring(bar + 1), f.getValue().stripTrailingZeros().toPlainString(), source);
                    facts++;
                }
                for (huiqi.facts.Item item : e.items) {
                    List<String> cells = new ArrayList<>(List.of(e.uscc, item.kind(), item.id()));
                    for (String field : itemFields) {
                        Object v = item.get(field);
                        cells.add(v == null ? "" : cell(v));
                    }
                    importRows.printRecord(cells);
                    for (Map.Entry<String, Object> f : item.fields().entrySet()) {
                        itemRows.printRecord(e.uscc, item.kind(), item.id(), f.getKey(), cell(f.getValue()));
                    }
                }
                Scenario s = scenarioOf(i);
                if (s != null) {
                    scenarioRows.printRecord(e.uscc, s.boundary().ruleId(), s.boundary().description(),
                            s.boundaryCase().id(), s.boundary().value(s.boundaryCase()).stripTrailingZeros().toPlainString(), s.expected());
                    scenarioEnterprises++;
                }
                if (progress != null && (i + 1) % 100_000 == 0) {
                    progress.accept(i + 1);
                }
            }
        }
        return new Summary(count, facts, scenarioEnterprises, scenarios.size());
    }

    /** An item field as a cell: numbers plain in base units, booleans 是/否, dates ISO. */
    private static String cell(Object v) {
        return v instanceof BigDecimal b ? b.toPlainString() : v instanceof Boolean bool ? (bool ? "是" : "否") : String.valueOf(v);
    }

    /** The fields of the generated item kinds, in catalog order, as the import file's columns. */
    private List<String> itemImportFields() {
        List<String> out = new ArrayList<>();
        for (String kind : GENERATED_ITEM_KINDS) {
            catalog.itemKind(kind).orElseThrow(() -> new IllegalStateException("indicators.yaml 缺少清单 " + kind)).fields()
                    .forEach(f -> {
                        if (!out.contains(f.id())) {
                            out.add(f.id());
                        }
                    });
        }
        return out;
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }
}
