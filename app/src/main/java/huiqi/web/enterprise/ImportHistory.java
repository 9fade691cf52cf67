package huiqi.web.enterprise;

import huiqi.enterprise.ImportProblem;
import huiqi.web.files.FileNames;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import huiqi.web.paging.PageRequest;
import huiqi.web.paging.Paged;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The import history (import_log): every upload that reached validation, accepted or rejected. A rejected import
 * keeps its problems (up to {@link #KEPT_PROBLEMS}) so its report can be read and downloaded later.
 */
@Repository
public class ImportHistory {
    static final int KEPT_PROBLEMS = 100_000;
    /** Imports per page of the history (the upload page shows the first page under its form). */
    static final int PAGE_SIZE = 10;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ImportHistory(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Called inside the import's transaction: the id is the batch its facts will name. */
    long logAccepted(List<String> files, int rows, String user) {
        return jdbc.sql("""
                        insert into import_log (file_name, rows, imported_by, status, versioned)
                        values (?, ?, ?, '已导入', true) returning id""")
                .params(name(files), rows, user).query(Long.class).single();
    }

    long logRejected(List<String> files, List<ImportProblem> problems, String user) {
        long id = jdbc.sql("""
                        insert into import_log (file_name, rows, imported_by, status, problems)
                        values (?, 0, ?, '已拒绝', ?) returning id""")
                .params(name(files), user, problems.size()).query(Long.class).single();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(problems.size(), KEPT_PROBLEMS); i++) {
            ImportProblem p = problems.get(i);
            rows.add(new Object[] {id, i + 1, FileNames.shorten(nz(p.file())), p.row(), cut(p.column(), 255), nz(p.reason())});
        }
        template.batchUpdate("""
                insert into import_problem (import_id, seq, file_name, row_no, column_name, reason)
                values (?, ?, ?, ?, ?, ?)""", rows);
        return id;
    }

    /** One page of the history, newest first. */
    public Paged<ImportEntry> page(Integer page, String path) {
        PageRequest request = PageRequest.of(page, PAGE_SIZE, null, List.of(), "");
        long total = jdbc.sql("select count(*) from import_log").query(Long.class).single();
        int last = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        if (request.page() > last) {
            request = request.onPage(last);
        }
        List<ImportEntry> rows = jdbc.sql("select * from import_log order by id desc limit ? offset ?")
                .params(PAGE_SIZE, request.offset()).query(ImportHistory::entry).list();
        return Paged.of(rows, total, request, path, Map.of());
    }

    public Optional<ImportEntry> find(long id) {
        return jdbc.sql("select * from import_log where id = ?").param(id).query(ImportHistory::entry).optional();
    }

    /** The first {@code limit} kept problems of a rejected import, in the order they were found. */
    public List<ImportProblem> problems(long id, int limit) {
        return jdbc.sql("""
                        select file_name, row_no, column_name, reason from import_problem
                        where import_id = ? order by seq limit ?""")
                .params(id, limit)
                .query((rs, i) -> new ImportProblem(nz(rs.getString(1)), rs.getInt(2), nz(rs.getString(3)), rs.getString(4)))
                .list();
    }

    static ImportEntry entry(ResultSet rs, int i) throws SQLException {
        return new ImportEntry(rs.getLong("id"), rs.getString("file_name"), rs.getInt("rows"), rs.getInt("problems"),
                rs.getString("status"), rs.getString("imported_by"), rs.getObject("imported_at", OffsetDateTime.class),
                rs.getString("undone_by"), rs.getObject("undone_at", OffsetDateTime.class), rs.getBoolean("versioned"));
    }

    private static String name(List<String> files) {
        return FileNames.shorten(files.isEmpty() ? "（无文件）" : String.join("、", files));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() > max ? s.substring(0, max) : s;
    }
}
