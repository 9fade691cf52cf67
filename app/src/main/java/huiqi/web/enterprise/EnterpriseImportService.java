package huiqi.web.enterprise;

import huiqi.enterprise.EnterpriseImporter;
import huiqi.enterprise.ImportProblem;
import huiqi.enterprise.ImportRejectedException;
import huiqi.enterprise.ImportResult;
import huiqi.facts.IndicatorCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * 数据导入: uploaded CSV/XLSX files go through the core importer into PostgreSQL, all or nothing. The files
 * are written to a private temporary directory under their own (sanitised) names, which end up in the
 * provenance of every value.
 */
@Service
public class EnterpriseImportService {
    private final IndicatorCatalog catalog;
    private final PgEnterpriseStore store;
    private final JdbcClient jdbc;

    public EnterpriseImportService(IndicatorCatalog catalog, PgEnterpriseStore store, JdbcClient jdbc) {
        this.catalog = catalog;
        this.store = store;
        this.jdbc = jdbc;
    }

    public record Outcome(ImportResult result, List<ImportProblem> problems) {
        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    public Outcome importUploads(List<MultipartFile> uploads, String user) {
        List<ImportProblem> problems = new ArrayList<>();
        List<MultipartFile> files = uploads.stream().filter(f -> !f.isEmpty()).toList();
        if (files.isEmpty()) {
            return new Outcome(null, List.of(new ImportProblem("", 0, "", "请选择要导入的 CSV 或 XLSX 文件")));
        }
        if (files.size() > 20) {
            return new Outcome(null, List.of(new ImportProblem("", 0, "", "一次最多导入 20 个文件")));
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("huiqi-import-");
            List<Path> paths = new ArrayList<>();
            for (MultipartFile f : files) {
                String name = safeName(f.getOriginalFilename());
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
                return new Outcome(null, problems);
            }
            ImportResult result = new EnterpriseImporter(catalog, store).importFiles(paths);
            jdbc.sql("insert into import_log (file_name, rows, imported_by) values (?, ?, ?)")
                    .params(String.join("、", result.files()), result.profiles() + result.facts(), user).update();
            return new Outcome(result, List.of());
        } catch (ImportRejectedException e) {
            return new Outcome(null, e.problems());
        } catch (IOException e) {
            return new Outcome(null, List.of(new ImportProblem("", 0, "", "文件无法保存: " + e.getMessage())));
        } finally {
            deleteQuietly(dir);
        }
    }

    public List<java.util.Map<String, Object>> recent() {
        return jdbc.sql("select file_name, rows, imported_by, imported_at from import_log order by id desc limit 10")
                .query().listOfRows();
    }

    static String safeName(String original) {
        String name = original == null ? "" : Path.of(original.replace('\\', '/')).getFileName().toString();
        name = name.replaceAll("[^\\p{L}\\p{N}._-]", "_");
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
