package huiqi.web.enterprise;

import huiqi.enterprise.EnterpriseImporter;
import huiqi.enterprise.ImportBatch;
import huiqi.enterprise.ImportProblem;
import huiqi.enterprise.ImportRejectedException;
import huiqi.enterprise.ImportResult;
import huiqi.enterprise.ImportedFact;
import huiqi.enterprise.ImportedProfile;
import huiqi.facts.IndicatorCatalog;
import huiqi.web.security.FactSourceUnits;
import huiqi.web.security.ReportingUnit;
import huiqi.web.files.FileNames;
import huiqi.web.security.HuiqiUser;
import huiqi.web.security.UserAccounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * 数据导入: uploaded CSV/XLSX files go through the core importer into PostgreSQL, all or nothing. The files
 * are written to a private temporary directory under their own (sanitised) names, which end up in the
 * provenance of every value. A 部门经办 imports in its own department's name only and cannot rename enterprises
 * (the rule of /api/v1/facts: {@link ReportingUnit}).
 */
@Service
public class EnterpriseImportService {
    private final IndicatorCatalog catalog;
    private final PgEnterpriseStore store;
    private final JdbcClient jdbc;
    private final ImportReport report;
    private final UserAccounts accounts;
    private final ImportHistory history;
    private final TransactionTemplate transaction;
    private final FactSourceUnits sourceUnits;

    public EnterpriseImportService(IndicatorCatalog catalog, PgEnterpriseStore store, JdbcClient jdbc,
                                   ImportReport report, UserAccounts accounts, ImportHistory history,
                                   PlatformTransactionManager transactions, FactSourceUnits sourceUnits) {
        this.sourceUnits = sourceUnits;
        this.catalog = catalog;
        this.store = store;
        this.jdbc = jdbc;
        this.report = report;
        this.accounts = accounts;
        this.history = history;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * @param problems   the first {@link ImportReport#SHOWN} problems (all of them when there are fewer)
     * @param total      how many problems there are
     * @param kinds      problems per kind, most frequent first
     * @param reportToken where the full list can be downloaded as .xlsx (null when all are shown)
     */
    public record Outcome(ImportResult result, List<ImportProblem> problems, int total, Map<String, Long> kinds,
                          String reportToken, Long importId) {
        static Outcome ok(ImportResult result, long importId) {
            return new Outcome(result, List.of(), 0, Map.of(), null, importId);
        }

        static Outcome refused(ImportProblem problem) {
            return new Outcome(null, List.of(problem), 1, ImportReport.kinds(List.of(problem)), null, null);
        }

        public boolean accepted() {
            return total == 0;
        }

        public boolean truncated() {
            return total > problems.size();
        }
    }

    /** An import by the stored account {@code username} (its role and department as they are now). */
    public Outcome importUploads(List<MultipartFile> uploads, String username) {
        return importUploads(uploads, accounts.loadUserByUsername(username));
    }

    public Outcome importUploads(List<MultipartFile> uploads, HuiqiUser user) {
        List<ImportProblem> problems = new ArrayList<>();
        List<MultipartFile> files = uploads.stream().filter(f -> !f.isEmpty()).toList();
        if (files.isEmpty()) {
            return Outcome.refused(new ImportProblem("", 0, "", "请选择要导入的 CSV 或 XLSX 文件"));
        }
        if (files.size() > 20) {
            return Outcome.refused(new ImportProblem("", 0, "", "一次最多导入 20 个文件"));
        }
        Path dir = null;
        List<String> names = new ArrayList<>();
        try {
            dir = Files.createTempDirectory("huiqi-import-");
            List<Path> paths = new ArrayList<>();
            for (MultipartFile f : files) {
                String name = safeName(f.getOriginalFilename());
                names.add(name);
                String lower = name.toLowerCase(Locale.ROOT);
                if (!lower.endsWith(".csv") && !lower.endsWith(".xlsx")) {
                    problems.add(new ImportProblem(name, 0, "", "只接受 .csv 和 .xlsx 文件"));
                    continue;
                }
                Path p = dir.resolve(name);
                if (Files.exists(p)) {
                    problems.add(new ImportProblem(name, 0, "", "同名文件上传了两次"));
                    continue;
                }
                f.transferTo(p);
                paths.add(p);
            }
            if (!problems.isEmpty()) {
                return rejected(problems, user, names);
            }
            EnterpriseImporter importer = new EnterpriseImporter(catalog, store,
                    ReportingUnit.boundUnit(user).orElse(null));
            ImportBatch batch = importer.validate(paths);
            List<ImportProblem> refused = permitted(batch, user);
            if (!refused.isEmpty()) {
                return rejected(refused, user, names);
            }
            ImportResult result = new ImportResult(paths.stream().map(p -> p.getFileName().toString()).toList(),
                    batch.profiles().size(), batch.facts().size());
            // the log row and the data in one transaction: an import is in the history exactly when it applied
            long id = transaction.execute(status -> {
                long logged = history.logAccepted(result.files(), result.profiles() + result.facts(), user.getUsername());
                store.applyAsImport(batch, logged);
                sourceUnits.recordImport(logged, batch.facts().stream()
                        .map(f -> f.value().provenance() == null ? null : f.value().provenance().source()).toList(), user);
                return logged;
            });
            return Outcome.ok(result, id);
        } catch (ImportRejectedException e) {
            return rejected(e.problems(), user, names);
        } catch (IOException e) {
            // the message of an IOException names the server's temporary directory: not for the user
            return Outcome.refused(new ImportProblem("", 0, "", "文件无法保存，请重试或联系管理员"));
        } finally {
            deleteQuietly(dir);
        }
    }

    /** What an officer may not do with this batch: report for another department, rename an enterprise. */
    private List<ImportProblem> permitted(ImportBatch batch, HuiqiUser user) {
        List<ImportProblem> problems = new ArrayList<>();
        for (ImportedFact f : batch.facts()) {
            ReportingUnit.refusal(user, f.value().provenance().source()).ifPresent(why -> problems.add(
                    new ImportProblem(f.value().provenance().file(), f.value().provenance().row(), "来源", why)));
        }
        Map<String, String> stored = storedNames(batch.profiles());
        for (ImportedProfile p : batch.profiles()) {
            String row = p.provenance().source();
            ReportingUnit.refusal(user, row.isEmpty() ? null : row).ifPresent(why -> problems.add(
                    new ImportProblem(p.provenance().file(), p.provenance().row(), "来源", why)));
            ReportingUnit.renameRefusal(user, stored.get(p.uscc()), p.name()).ifPresent(why -> problems.add(
                    new ImportProblem(p.provenance().file(), p.provenance().row(), "企业名称", why)));
        }
        return problems;
    }

    private Map<String, String> storedNames(List<ImportedProfile> profiles) {
        Map<String, String> names = new HashMap<>();
        String[] codes = profiles.stream().filter(p -> p.name() != null).map(ImportedProfile::uscc)
                .toArray(String[]::new);
        if (codes.length > 0) {
            jdbc.sql("select uscc, name from enterprise where uscc = any(?)").param(codes)
                    .query((rs, i) -> Map.entry(rs.getString(1), Optional.ofNullable(rs.getString(2)).orElse("")))
                    .list().forEach(e -> names.put(e.getKey(), e.getValue()));
        }
        return names;
    }

    /** The refusal as the page shows it; the import is kept in the history with every problem. */
    private Outcome rejected(List<ImportProblem> problems, HuiqiUser user, List<String> files) {
        List<ImportProblem> shown = problems.size() > ImportReport.SHOWN
                ? List.copyOf(problems.subList(0, ImportReport.SHOWN)) : problems;
        String token = problems.size() > ImportReport.SHOWN ? report.write(user.getUsername(), problems) : null;
        long id = history.logRejected(files, problems, user.getUsername());
        return new Outcome(null, shown, problems.size(), ImportReport.kinds(problems), token, id);
    }

    /** The full problem list of one of {@code user}'s rejected imports. */
    public Optional<Path> report(String user, String token) {
        return report.find(user, token);
    }

    static String safeName(String original) {
        String name = FileNames.clean(original, "").replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return name.isBlank() || name.startsWith(".") ? "upload" + name : name;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
