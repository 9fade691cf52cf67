package huiqi.batch.pipeline;

import huiqi.batch.budget.Budget;
import huiqi.batch.budget.BudgetAllocator;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.batch.run.Summaries;
import huiqi.batch.sql.CompiledRule;
import huiqi.batch.sql.CompiledRules;
import huiqi.batch.sql.FactColumn;
import huiqi.batch.sql.FactColumns;
import huiqi.batch.sql.Params;
import huiqi.batch.sql.Recompute;
import huiqi.batch.sql.RuleSetCompiler;
import huiqi.batch.sql.SqlDialect;
import huiqi.batch.sql.WideTable;
import huiqi.batch.whatif.WhatIfReport;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.Parameter;
import huiqi.rules.file.RuleFile;
import huiqi.rules.plan.RulePlan;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 批量免申即享, the same on every engine: {@link #load} reads a data directory (profiles + long-form facts) and
 * pivots exactly the (indicator, period) pairs the rules read into table {@code wide} once; {@link #run} compiles
 * the rules with a parameter overlay to SQL and evaluates every enterprise inside the engine, then summarizes per
 * rule and payer; {@link #compare} diffs two results (what-if); {@link #allocate} shares out budgets;
 * {@link #write} writes the long result. Baseline and what-if variants share the pivot.
 * <p>An engine supplies only the adapter: how to read the sources and pivot them, run a query into a table, read
 * a one-row query, and write rows to a file. {@code E} is the checked exception its SQL calls throw
 * ({@link RuntimeException} for none). Not thread-safe.
 */
public abstract class BatchPipeline<E extends Exception> implements BatchSession {
    private final SqlDialect dialect;
    private final IndicatorCatalog catalog;
    private final List<RuleFile> files;
    private final BatchOptions options;
    private final Map<String, Parameter> declared;
    private final FactColumns facts = new FactColumns();
    private long pivotMillis;
    private long enterprises;
    private int variants;
    private boolean fromCache;
    private long repivoted = -1;
    private DeferredWide deferredWide;
    private final Map<String, Overrides> overlays = new HashMap<>();
    private final Map<String, Object[]> summaryRows = new HashMap<>();
    private final Map<String, Integer> evaluatedRules = new HashMap<>();

    protected BatchPipeline(SqlDialect dialect, IndicatorCatalog catalog, List<RuleFile> files, BatchOptions options) {
        this.dialect = dialect;
        this.catalog = catalog;
        this.files = List.copyOf(files);
        this.options = options;
        this.declared = Evaluator.parameters(files);
    }

    /** Creates {@code profiles_src} and {@code facts_src(uscc, indicator, period, value)}; returns the profile column ids. */
    protected abstract Set<String> readSources(String dir) throws E, IOException;

    /** Creates table {@code fact_pivot} of the needed fact columns as text (the rows of {@link WideTable#pivot}). */
    protected abstract void pivot(FactColumns facts, IndicatorCatalog catalog) throws E;

    /** Frees table {@code name} (the pivot's intermediate tables once {@code wide} holds their columns). */
    protected abstract void dropTable(String name) throws E;

    /** Table (or view) {@code name} holding the rows of {@code query}, replacing one of that name. */
    protected abstract void createTable(String name, String query) throws E;

    /** A view {@code name} over {@code query} where the engine has views that read their tables (default: a table). */
    protected void createView(String name, String query) throws E {
        createTable(name, query);
    }

    /** The values of the one row {@code query} returns (Long for counts, BigDecimal for decimals, or null). */
    protected abstract Object[] firstRow(String query) throws E;

    /** Writes the rows of {@code query} to {@code out}, in the format its extension names. */
    protected abstract void writeRows(String query, String out) throws E, IOException;

    /** Added to the progress line after loading (e.g. how the engine partitioned the table). */
    protected String loadDetail() {
        return "";
    }

    /**
     * The wide table of {@code dir} from the engine's typed cache (tables {@code wide} and {@code profiles_src}
     * restored for this {@code layout}), returning the scales of the fact columns by column name; null when
     * there is none (the default: no cache).
     */
    protected Map<String, FactColumns.Type> restoreWide(String dir, String layout) throws E, IOException {
        return null;
    }

    /** Keeps {@code wide} and {@code profiles_src} of {@code dir} in the engine's cache (default: no cache). */
    protected void storeWide(String dir, String layout, Map<String, FactColumns.Type> types) throws E, IOException {
    }

    /** An earlier data directory's cached wide table to update, and the directory of the changed enterprises' rows. */
    public record DeltaBase(String changedDir, Map<String, FactColumns.Type> types) {
    }

    /**
     * When {@code dir} was written as an earlier directory plus the changed enterprises and the earlier one's wide
     * table is cached for this {@code layout}: views {@code wide_base} and {@code profiles_base} over it and table
     * {@code changed_uscc(uscc)}; otherwise null (the default: no cache).
     */
    protected DeltaBase restoreBase(String dir, String layout) throws E, IOException {
        return null;
    }

    /** Frees what {@link #restoreBase} and the merge of {@link #loadDelta} left besides {@code wide} and {@code profiles_src}. */
    protected void releaseBase() throws E {
    }

    /** Reads {@code dir} and builds table {@code wide}; called once, by the engine's factory. */
    protected final void load(String dir) throws E, IOException {
        long t0 = System.nanoTime();
        // a first compilation only to learn which (indicator, period) columns the rules read
        compile(Overrides.NONE);
        String layout = WideTable.layout(catalog, facts, dialect);
        Map<String, FactColumns.Type> cached = restoreWide(dir, layout);
        if (cached != null) {
            for (FactColumn c : facts.needed()) {
                facts.setType(c, cached.get(c.column()));
            }
            if (!huiqi.batch.sql.ItemSql.kindsUsed(files).isEmpty()) { // items are not cached: read from the file each time
                readItems(dir);
                createItemTables();
            }
            enterprises = ((Number) firstRow("SELECT count(*) FROM wide")[0]).longValue();
            pivotMillis = (System.nanoTime() - t0) / 1_000_000;
            fromCache = true;
            options.say(String.format("已从缓存读入 %,d 家企业的宽表（%.1f 秒）", enterprises, pivotMillis / 1000.0));
            return;
        }
        DeltaBase base = restoreBase(dir, layout);
        if (base != null) {
            loadDelta(dir, layout, base, t0);
            return;
        }
        Set<String> profileColumns = readSources(dir);
        List<String> unread = WideTable.unreadProfileColumns(catalog, profileColumns);
        if (!unread.isEmpty()) {
            options.say("企业档案中这些列不是档案字段或企业属性，规则不会读到：" + String.join("、", unread));
        }
        options.say("数据目录 " + dir + "：转置 " + facts.needed().size() + " 个（指标, 期间）列…");
        pivot(facts, catalog);
        Map<String, FactColumns.Type> types = typeFactColumns();
        dropTable("fact_pivot"); // (after a query read the typed pivot: an engine computing tables lazily has it by now)
        createTable("wide", WideTable.wide(catalog, facts, profileColumns, dialect));
        createItemTables();
        enterprises = ((Number) firstRow("SELECT count(*) FROM wide")[0]).longValue();
        dropTable(WideTable.TYPED_PIVOT);
        pivotMillis = (System.nanoTime() - t0) / 1_000_000;
        options.say(String.format("已读入并转置 %,d 家企业（%.1f 秒%s）", enterprises, pivotMillis / 1000.0, loadDetail()));
        keepWide(dir, layout, types);
    }

    /**
     * Table {@link WideTable#TYPED_PIVOT} from {@code fact_pivot}, converting the text to decimals once, and the type of
     * each fact column: the decimals written and the precision its largest value needs. Returns the types by column name.
     */
    private Map<String, FactColumns.Type> typeFactColumns() throws E {
        List<FactColumn> needed = new ArrayList<>(facts.needed());
        Map<String, FactColumns.Type> types = new LinkedHashMap<>();
        if (needed.isEmpty()) { // (the measuring queries have no row when no fact is read: the pivot is empty)
            createTable(WideTable.TYPED_PIVOT, WideTable.typedPivot(facts, dialect));
            return types;
        }
        Object[] text = firstRow(WideTable.textMeasures(facts, dialect));
        for (int i = 0; i < needed.size(); i++) {
            int scale = ((Number) text[2 * i]).intValue();
            facts.setType(needed.get(i), new FactColumns.Type(scale, WideTable.firstPrecision(scale)));
        }
        createTable(WideTable.TYPED_PIVOT, WideTable.typedPivot(facts, dialect));
        Object[] typed = firstRow(WideTable.magnitudes(facts));
        boolean tooLarge = false;
        for (int i = 0; i < needed.size(); i++) {
            if (((Number) typed[2 * i + 1]).longValue() != ((Number) text[2 * i + 1]).longValue()) {
                facts.setType(needed.get(i), new FactColumns.Type(facts.scale(needed.get(i)), SqlDialect.PRECISION));
                tooLarge = true;
            }
        }
        if (tooLarge) { // some value did not fit the first precision: those columns again at 38 digits
            dropTable(WideTable.TYPED_PIVOT);
            createTable(WideTable.TYPED_PIVOT, WideTable.typedPivot(facts, dialect));
            typed = firstRow(WideTable.magnitudes(facts));
        }
        for (int i = 0; i < needed.size(); i++) {
            FactColumn c = needed.get(i);
            BigDecimal m = typed[2 * i] == null ? null : new BigDecimal(typed[2 * i].toString());
            facts.setType(c, new FactColumns.Type(facts.scale(c), WideTable.precision(m, facts.scale(c))));
            types.put(c.column(), facts.type(c));
        }
        return types;
    }

    /**
     * The wide table as the earlier one with the changed enterprises' rows pivoted again ({@link WideDelta}):
     * the changed rows are typed wide enough for both, then every fact column gets the type a full pivot would give.
     */
    private void loadDelta(String dir, String layout, DeltaBase base, long t0) throws E, IOException {
        Set<String> profileColumns = readSources(base.changedDir());
        repivoted = ((Number) firstRow("SELECT count(*) FROM changed_uscc")[0]).longValue();
        pivot(facts, catalog);
        List<FactColumn> needed = new ArrayList<>(facts.needed());
        if (!needed.isEmpty()) {
            Object[] row = firstRow(WideTable.scales(facts, dialect));
            for (int i = 0; i < needed.size(); i++) {
                FactColumns.Type was = base.types().get(needed.get(i).column());
                int scale = Math.max(((Number) row[i]).intValue(), was == null ? 0 : was.scale());
                facts.setType(needed.get(i), new FactColumns.Type(scale, SqlDialect.PRECISION));
            }
        }
        createTable(WideTable.TYPED_PIVOT, WideTable.typedPivot(facts, dialect));
        createTable("wide_delta", WideTable.wide(catalog, facts, profileColumns, dialect));
        dropTable("fact_pivot");
        dropTable(WideTable.TYPED_PIVOT);
        createTable(WideDelta.MERGED, WideDelta.merged(catalog, facts, dialect));
        Map<String, FactColumns.Type> types = new LinkedHashMap<>();
        if (!needed.isEmpty()) {
            Object[] m = firstRow(WideDelta.measures(facts));
            for (int i = 0; i < needed.size(); i++) {
                int scale = ((Number) m[2 * i]).intValue();
                BigDecimal max = m[2 * i + 1] == null ? null : new BigDecimal(m[2 * i + 1].toString());
                facts.setType(needed.get(i), new FactColumns.Type(scale, WideTable.precision(max, scale)));
                types.put(needed.get(i).column(), facts.type(needed.get(i)));
            }
        }
        createTable("wide", WideDelta.retyped(catalog, facts, dialect));
        createTable("profiles_merged", WideDelta.profiles());
        createTable("profiles_src", "SELECT * FROM profiles_merged");
        releaseBase();
        readItems(dir);
        createItemTables();
        enterprises = ((Number) firstRow("SELECT count(*) FROM wide")[0]).longValue();
        pivotMillis = (System.nanoTime() - t0) / 1_000_000;
        options.say(String.format("已在上次的宽表上更新 %,d 家有变化的企业，共 %,d 家（%.1f 秒）", repivoted, enterprises,
                pivotMillis / 1000.0));
        keepWide(dir, layout, types);
    }

    private void keepWide(String dir, String layout, Map<String, FactColumns.Type> types) throws E, IOException {
        if (options.deferCache()) {
            deferredWide = new DeferredWide(dir, layout, types);
        } else {
            storeWide(dir, layout, types);
        }
    }

    /**
     * Writes the wide table built by {@link #load} to the engine's cache now, when the options deferred it
     * ({@link BatchOptions#withDeferredCache}); nothing when it was read from the cache or already written.
     * Call it before changing tables {@code wide} or {@code profiles_src}. Returns whether it wrote.
     */
    public final boolean storeDeferredWide() throws E, IOException {
        DeferredWide d = deferredWide;
        deferredWide = null;
        if (d != null) {
            storeWide(d.dir(), d.layout(), d.types());
        }
        return d != null;
    }

    private record DeferredWide(String dir, String layout, Map<String, FactColumns.Type> types) {
    }

    /** items: one child table per kind the rules loop over, from {@code items_src}. */
    private void createItemTables() throws E {
        for (String kind : huiqi.batch.sql.ItemSql.kindsUsed(files)) {
            createTable(huiqi.batch.sql.ItemSql.table(kind), huiqi.batch.sql.ItemSql.childTable(catalog.itemKind(kind).orElseThrow(), dialect));
        }
    }

    /** Defines {@code items_src} from the items file of {@code dir} alone (after a cached wide table was restored). */
    protected void readItems(String dir) throws E, IOException {
        readSources(dir);
    }

    /** True when {@link #load} took the wide table from the cache instead of reading and pivoting the files. */
    public final boolean loadedFromCache() {
        return fromCache;
    }

    /** How many enterprises {@link #load} pivoted again on an earlier wide table; -1 when it did not (cache or full pivot). */
    public final long repivoted() {
        return repivoted;
    }

    /**
     * The (indicator, period) columns these rules read as of {@code asOf}: what {@link #load} pivots, so a data
     * directory needs no other fact rows (the platform exports only these).
     */
    public static Set<FactColumn> factsRead(IndicatorCatalog catalog, List<RuleFile> files, java.time.LocalDate asOf) {
        FactColumns facts = new FactColumns();
        new RuleSetCompiler(SqlDialect.DUCKDB, catalog).compile(files, asOf, Params.of(Evaluator.parameters(files), Overrides.NONE), facts);
        return facts.needed();
    }

    /** The SQL the rules compile to with this overlay (for docs and inspection). */
    public final CompiledRules compile(Overrides overrides) {
        return new RuleSetCompiler(dialect, catalog).compile(files, options.asOf(), Params.of(declared, overrides), facts);
    }

    /** Evaluates every enterprise with this parameter overlay ({@link Overrides#NONE} = baseline). */
    @Override
    public final BatchResult run(Overrides overrides) throws E {
        CompiledRules compiled = compile(overrides);
        if (compiled.rules().isEmpty()) {
            throw new IllegalArgumentException(options.asOf() == null ? "没有可评估的规则（规则目录中没有规则文件，或文件中没有规则）"
                    : "评估日期 " + options.asOf() + " 没有有效的规则（规则在该日均不在有效期内）");
        }
        String table = "result_" + (variants++);
        long t0 = System.nanoTime();
        options.say(Summaries.evaluating(compiled, overrides));
        createTable(table, Summaries.resultSelect(compiled));
        Object[] row = firstRow(Summaries.query(compiled, table));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        options.say(String.format("评估完成（%.2f 秒）", millis / 1000.0));
        return remember(Summaries.result(table, compiled, enterprises, millis, i -> row[i]), overrides, row, compiled.rules().size());
    }

    /**
     * The same result as {@link #run}{@code (overrides)}, evaluating again only the rules that the parameters
     * changed since {@code base} (an earlier result of this session) reach, see {@link Recompute}; the other
     * rules' columns and summaries are the base's. A base this session did not compute: a full run.
     * <p>The result's table is a view (on DuckDB) joining table {@code <table>_delta}, the rules evaluated again,
     * to the base result: keep the base while the variant is in use.
     */
    @Override
    public final BatchResult whatIf(BatchResult base, Overrides overrides) throws E {
        Overrides before = overlays.get(base.table());
        if (before == null) {
            return run(overrides);
        }
        Set<String> changed = changedParameters(before, overrides);
        CompiledRules full = compile(overrides);
        CompiledRules partial = new RuleSetCompiler(dialect, catalog).compile(files, options.asOf(),
                Params.of(declared, overrides), facts, new RuleSetCompiler.Reuse(base.table(), changed));
        Set<Integer> redo = Recompute.affected(RulePlan.of(files, options.asOf()), changed);
        String table = "result_" + (variants++);
        long t0 = System.nanoTime();
        options.say(Summaries.evaluating(full, overrides).replace("…", "") + "：只重算受影响的 " + redo.size() + " 条…");
        // only the rules evaluated again are materialized; the result is a view joining them to the base result
        List<String> deltaCols = new ArrayList<>(List.of("uscc"));
        List<String> viewCols = new ArrayList<>(List.of("b.uscc"));
        for (CompiledRule r : full.rules()) {
            boolean again = redo.contains(r.index());
            for (String c : Summaries.resultColumns(r)) {
                if (again) {
                    deltaCols.add(c);
                }
                viewCols.add((again ? "d." : "b.") + c);
            }
        }
        String delta = table + "_delta";
        createTable(delta, "SELECT " + String.join(", ", deltaCols) + " FROM (" + partial.select() + ") AS evaluated");
        createView(table, "SELECT " + String.join(", ", viewCols) + " FROM " + base.table() + " b JOIN " + delta
                + " d ON d.uscc = b.uscc");
        Object[] part = redo.isEmpty() ? new Object[0] : firstRow(Summaries.query(full, delta, redo));
        Object[] baseRow = summaryRows.get(base.table());
        Object[] row = new Object[baseRow.length];
        int k = 0;
        for (int r = 0; r < full.rules().size(); r++) {
            boolean again = redo.contains(full.rules().get(r).index());
            for (int c = 0; c < Summaries.COLUMNS_PER_RULE; c++) {
                row[r * Summaries.COLUMNS_PER_RULE + c] = again ? part[k++] : baseRow[r * Summaries.COLUMNS_PER_RULE + c];
            }
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        options.say(String.format("评估完成（%.2f 秒）", millis / 1000.0));
        return remember(Summaries.result(table, full, enterprises, millis, i -> row[i]), overrides, row, redo.size());
    }

    /** How many rules were evaluated to compute {@code r} (all for {@link #run}, fewer for {@link #whatIf}). */
    public final int rulesEvaluated(BatchResult r) {
        return evaluatedRules.getOrDefault(r.table(), r.rules().size());
    }

    private BatchResult remember(BatchResult r, Overrides overrides, Object[] row, int evaluated) {
        overlays.put(r.table(), overrides);
        summaryRows.put(r.table(), row);
        evaluatedRules.put(r.table(), evaluated);
        return r;
    }

    /** Parameters whose value differs between two overlays (set in one and not the other, or to another value). */
    private static Set<String> changedParameters(Overrides a, Overrides b) {
        Set<String> names = new TreeSet<>(a.values().keySet());
        names.addAll(b.values().keySet());
        Set<String> changed = new TreeSet<>();
        for (String n : names) {
            Overrides.Override x = a.values().get(n);
            Overrides.Override y = b.values().get(n);
            if (x == null || y == null || x.value().compareTo(y.value()) != 0 || !x.unit().equals(y.unit())) {
                changed.add(n);
            }
        }
        return changed;
    }

    /** Per rule, how many enterprises changed status or amount between two results of this session. */
    @Override
    public final WhatIfReport compare(String overlay, BatchResult base, BatchResult variant) throws E {
        Object[] row = firstRow(WhatIfReport.changedQuery(base, variant));
        long[] changed = new long[row.length];
        for (int i = 0; i < changed.length; i++) {
            changed[i] = ((Number) row[i]).longValue();
        }
        return WhatIfReport.of(overlay, base, variant, changed);
    }

    /**
     * Allocates the budgets over {@code result} into tables {@code budget_allocation} and {@code budget_by_rule}
     * (see {@link BudgetAllocator}); a later {@link #write} with budgets joins the latter.
     */
    @Override
    public final List<BudgetAllocator.Allocation> allocate(BatchResult result, List<Budget> budgets) throws E {
        createTable("budget_allocation", BudgetAllocator.allocationQuery(result, budgets, dialect));
        createTable("budget_by_rule", BudgetAllocator.BY_RULE_QUERY);
        List<BudgetAllocator.Allocation> out = new ArrayList<>();
        for (Budget b : budgets) {
            Object[] r = firstRow(BudgetAllocator.summaryQuery(b));
            out.add(BudgetAllocator.allocation(b, ((Number) r[0]).longValue(), (BigDecimal) r[1], (BigDecimal) r[2],
                    (BigDecimal) r[3], ((Number) r[4]).longValue()));
        }
        return out;
    }

    /** The long result query (see {@link Summaries#longQuery}); {@code budgetTable} nullable. */
    public final String longQuery(BatchResult r, String budgetTable) {
        return Summaries.longQuery(r, budgetTable, dialect);
    }

    /** Writes the long result (docs/formats.md), with the budget columns of the last {@link #allocate} if asked. */
    @Override
    public final void write(BatchResult result, String out, boolean withBudgets) throws E, IOException {
        write(result, out, withBudgets ? "budget_by_rule" : null);
    }

    /** The parts query of a result (see {@link Summaries#partsQuery}). */
    public final String partsQuery(BatchResult r) {
        return Summaries.partsQuery(r, dialect);
    }

    @Override
    public final void writeParts(BatchResult result, String out) throws E, IOException {
        writeRows(partsQuery(result), out);
        options.say("已写出逐项付款方拆分 " + out);
    }

    /** Writes the long result joined with {@code budgetTable} (nullable), a per (uscc, rule_id) roll-up. */
    protected final void write(BatchResult result, String out, String budgetTable) throws E, IOException {
        long t0 = System.nanoTime();
        writeRows(longQuery(result, budgetTable), out);
        options.say(String.format("已写出 %s（%.1f 秒）", out, (System.nanoTime() - t0) / 1e9));
    }

    @Override
    public final long enterprises() {
        return enterprises;
    }

    /** Reading the files and pivoting into the wide table, in milliseconds. */
    @Override
    public final long pivotMillis() {
        return pivotMillis;
    }

    public final IndicatorCatalog catalog() {
        return catalog;
    }

    protected final BatchOptions options() {
        return options;
    }
}
