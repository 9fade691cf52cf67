package huiqi.web.batch;

import huiqi.batch.run.BatchResult;
import huiqi.batch.sql.Status;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The column layout of a run's Parquet file ({@link BatchResultFiles}). Layout 2 keeps only what varies per row
 * (uscc, name, region_code, rule_no, status and the amounts), the statuses (status, base_status) as their codes
 * ({@link Status}); the strings every row of a rule repeats (rule id, currency, payer names) are written once, as the
 * file's key-value metadata, and put back by rule number when the file is read: writing them and the status words on
 * each of enterprises × rules rows was about half of the Parquet write (issue 21).
 * Files written before (layout 1, no metadata) hold every column themselves and are read as they are.
 */
final class ResultFileLayout {
    static final String LAYOUT_KEY = "huiqi_layout";
    static final String RULES_KEY = "huiqi_rules";
    private static final String LAYOUT = "2";
    private static final int STATUS_CODES = 3;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One rule's strings, the same on every row of the rule. */
    record RuleConstants(int ruleNo, String ruleId, String currency, String payer, String payer2) {
    }

    private ResultFileLayout() {
    }

    static List<RuleConstants> of(BatchResult r) {
        return r.compiled().rules().stream()
                .map(cr -> new RuleConstants(cr.index(), cr.rule().id(), cr.rule().currency(), cr.payer1(), cr.payer2()))
                .toList();
    }

    /** The COPY option that writes the layout and the rules' strings into the file. */
    static String metadataOption(List<RuleConstants> rules) {
        return "KV_METADATA {" + LAYOUT_KEY + ": '" + LAYOUT + "', " + RULES_KEY + ": " + text(JSON.writeValueAsString(rules)) + "}";
    }

    /** The rules' strings stored in {@code file}; null for a layout-1 file (no metadata: every column in the rows). */
    static List<RuleConstants> read(Connection duck, Path file) throws SQLException {
        String layout = null;
        String rules = null;
        try (PreparedStatement ps = duck.prepareStatement("SELECT decode(key), decode(value) FROM parquet_kv_metadata("
                + BatchResultStore.literal(file) + ")"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (LAYOUT_KEY.equals(rs.getString(1))) {
                    layout = rs.getString(2);
                } else if (RULES_KEY.equals(rs.getString(1))) {
                    rules = rs.getString(2);
                }
            }
        }
        if (layout == null) {
            return null;
        }
        if (!LAYOUT.equals(layout) || rules == null) {
            throw new IllegalStateException("批量结果文件格式无法识别（版本 " + layout + "）：" + file.getFileName());
        }
        return JSON.readValue(rules, new TypeReference<List<RuleConstants>>() { });
    }

    /**
     * A query of every row of {@code file} with the columns of batch_result from uscc on (uscc, name, region_code,
     * rule_no, rule_id, status, amount, currency, payer, payer_amount, payer2, payer2_amount, allocated, shortfall,
     * base_status, base_amount), in the file's order; {@code rules} as {@link #read} gave them.
     */
    static String rows(Path file, List<RuleConstants> rules) {
        String scan = "read_parquet(" + BatchResultStore.literal(file) + ")";
        if (rules == null) {
            return "SELECT uscc, name, region_code, rule_no, rule_id, status, amount, currency, payer, payer_amount, payer2,"
                    + " payer2_amount, allocated, shortfall, base_status, base_amount FROM " + scan;
        }
        return "SELECT uscc, name, region_code, rule_no, " + byRuleNo(rules, RuleConstants::ruleId) + " AS rule_id, "
                + word("status") + " AS status, amount, "
                + byRuleNo(rules, RuleConstants::currency) + " AS currency, " + byRuleNo(rules, RuleConstants::payer) + " AS payer, "
                + "payer_amount, " + byRuleNo(rules, RuleConstants::payer2) + " AS payer2, payer2_amount, allocated, shortfall, "
                + word("base_status") + " AS base_status, base_amount FROM " + scan;
    }

    /**
     * FROM and WHERE of the rows of {@code file} matching {@code f}, parameters added to {@code params}. In layout 2
     * the rule and status filters are by rule number and status code, columns of the file (row groups skipped by
     * their statistics), not by the words put back on each row.
     */
    static String from(Path file, List<RuleConstants> rules, ResultFilter f, List<Object> params) {
        if (rules == null) {
            return " FROM (" + rows(file, null) + ") AS r WHERE true" + f.where(params);
        }
        // inside the row query, where rule_no and status are the file's columns (a column wins over an alias)
        List<String> where = new ArrayList<>(List.of("true"));
        if (f.rule() != null) {
            where.add("rule_no = ?");
            params.add(rules.stream().filter(r -> r.ruleId().equals(f.rule())).mapToInt(RuleConstants::ruleNo).findFirst().orElse(-1));
        }
        if (f.status() != null) {
            where.add("status = ?");
            params.add(IntStream.range(0, STATUS_CODES).filter(c -> Status.word(c).equals(f.status())).findFirst().orElseThrow());
        }
        return " FROM (" + rows(file, rules) + " WHERE " + String.join(" AND ", where)
                + new ResultFilter(null, null, f.q()).where(params) + ") AS r";
    }

    /** The status word of a code column (the codes are 0, 1, 2: {@link Status}). */
    private static String word(String column) {
        List<String> words = new ArrayList<>();
        for (int c = 0; c < STATUS_CODES; c++) {
            words.add(text(Status.word(c)));
        }
        return "([" + String.join(", ", words) + "])[" + column + " + 1]";
    }

    /** The rule's string as a constant list indexed by rule number (DuckDB lists count from 1). */
    private static String byRuleNo(List<RuleConstants> rules, Function<RuleConstants, String> field) {
        int size = rules.stream().mapToInt(RuleConstants::ruleNo).max().orElse(-1) + 1;
        String[] items = new String[Math.max(size, 1)];
        Arrays.fill(items, "CAST(NULL AS VARCHAR)");
        for (RuleConstants r : rules) {
            String v = field.apply(r);
            if (v != null) {
                items[r.ruleNo()] = text(v);
            }
        }
        return "([" + String.join(", ", items) + "])[rule_no + 1]";
    }

    private static String text(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
