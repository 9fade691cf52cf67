package huiqi.enterprise;

import huiqi.facts.IndicatorCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports 企业档案 and 指标数据 files (CSV in UTF-8/UTF-8 with BOM/GBK, or .xlsx) into an {@link EnterpriseStore},
 * all or nothing: the files of one call are validated together, and if any row of any of them is bad the
 * whole import is rejected with every problem found and the store is not touched. Whether a file holds
 * profiles or facts is told by its header (a fact file has an indicator/指标 column).
 */
public final class EnterpriseImporter {
    private final IndicatorCatalog catalog;
    private final EnterpriseStore store;
    private final String defaultSource;

    public EnterpriseImporter(IndicatorCatalog catalog, EnterpriseStore store) {
        this(catalog, store, null);
    }

    /** @param defaultSource the source of a fact row that names none; null: the indicator's department in the catalog */
    public EnterpriseImporter(IndicatorCatalog catalog, EnterpriseStore store, String defaultSource) {
        this.catalog = catalog;
        this.store = store;
        this.defaultSource = defaultSource;
    }

    public ImportResult importFile(Path file) {
        return importFiles(List.of(file));
    }

    /** Imports several files in one transaction; facts may refer to enterprises whose profiles come along. */
    public ImportResult importFiles(List<Path> files) {
        ImportBatch batch = validate(files);
        store.apply(batch);
        return new ImportResult(files.stream().map(f -> f.getFileName().toString()).toList(),
                batch.profiles().size(), batch.facts().size());
    }

    /** Reads and checks the files without storing anything; throws {@link ImportRejectedException} if any is bad. */
    public ImportBatch validate(List<Path> files) {
        List<ImportProblem> problems = new ArrayList<>();
        List<Table> profileTables = new ArrayList<>();
        List<Table> factTables = new ArrayList<>();
        List<Table> itemTables = new ArrayList<>();
        for (Path f : files) {
            try {
                Table t = TableReader.read(f);
                if (t.header().isEmpty()) {
                    problems.add(new ImportProblem(t.file(), 1, "", "文件为空，缺少表头"));
                } else if (FactRows.isFactHeader(t.header())) {
                    factTables.add(t);
                } else if (ItemRows.isItemHeader(t.header())) {
                    itemTables.add(t);
                } else {
                    profileTables.add(t);
                }
            } catch (IOException | RuntimeException e) {
                problems.add(new ImportProblem(f.getFileName().toString(), 0, "", "无法读取: " + ReadFailure.describe(e)));
            }
        }
        List<ImportedProfile> profiles = new ArrayList<>();
        for (Table t : profileTables) {
            try {
                profiles.addAll(ProfileRows.parse(t, catalog, problems));
            } catch (RuntimeException e) { // a CSV that breaks off mid-way (e.g. an unclosed quote)
                problems.add(new ImportProblem(t.file(), 0, "", "无法读取: " + ReadFailure.describe(e)));
            }
        }
        Set<String> incoming = new HashSet<>();
        profiles.forEach(p -> incoming.add(p.uscc()));
        // a duplicate across two profile files of one import is as ambiguous as one within a file
        Map<String, String> seenProfiles = new HashMap<>();
        for (ImportedProfile p : profiles) {
            String first = seenProfiles.putIfAbsent(p.uscc(), p.provenance().file());
            if (first != null && !first.equals(p.provenance().file())) {
                problems.add(new ImportProblem(p.provenance().file(), p.provenance().row(), "uscc",
                        "企业 " + p.uscc() + " 在本次导入的 " + first + " 中也有档案行"));
            }
        }
        List<ImportedFact> facts = new ArrayList<>();
        Map<String, String> seenKeys = new HashMap<>();
        for (Table t : factTables) {
            try {
                facts.addAll(FactRows.parse(t, catalog, u -> incoming.contains(u) || store.contains(u), defaultSource, seenKeys, problems));
            } catch (RuntimeException e) {
                problems.add(new ImportProblem(t.file(), 0, "", "无法读取: " + ReadFailure.describe(e)));
            }
        }
        List<ImportedItems> items = new ArrayList<>();
        Map<String, String> seenLists = new HashMap<>();
        for (Table t : itemTables) {
            try {
                items.addAll(ItemRows.parse(t, catalog, u -> incoming.contains(u) || store.contains(u), seenLists, problems));
            } catch (RuntimeException e) {
                problems.add(new ImportProblem(t.file(), 0, "", "无法读取: " + ReadFailure.describe(e)));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        return new ImportBatch(profiles, facts, items);
    }
}
