package huiqi.batch.duck;

import huiqi.batch.run.BatchResult;
import huiqi.batch.sql.CompiledRule;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL path's account of one enterprise and rule: the rule's compiled conditions and amount, the wide-row
 * values it read (profile, attributes, pivoted facts) and its result columns. Used when results disagree.
 */
public final class SqlTrace {
    private SqlTrace() {
    }

    public static String of(BatchRunner b, BatchResult r, String uscc, String ruleId) throws SQLException {
        CompiledRule cr = r.compiled().rules().stream().filter(x -> x.rule().id().equals(ruleId)).findFirst()
                .orElseThrow();
        StringBuilder sb = new StringBuilder("  企业数据（wide 表中非空的列）：");
        try (PreparedStatement ps = b.connection().prepareStatement("SELECT * FROM wide WHERE uscc = ?")) {
            ps.setString(1, uscc);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> vals = new ArrayList<>();
                while (rs.next()) {
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        if (v != null) {
                            vals.add(md.getColumnLabel(i) + "=" + v);
                        }
                    }
                }
                sb.append(String.join(", ", vals));
            }
        }
        sb.append("\n  结果列：");
        String cols = cr.statusColumn() + (cr.amountColumn() == null ? "" : ", " + cr.amountColumn());
        try (PreparedStatement ps = b.connection().prepareStatement("SELECT " + cols + " FROM " + r.table() + " WHERE uscc = ?")) {
            ps.setString(1, uscc);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sb.append(cr.statusColumn()).append("=").append(huiqi.batch.sql.Status.word(rs.getInt(1)));
                    if (cr.amountColumn() != null) {
                        sb.append(", ").append(cr.amountColumn()).append("=").append(rs.getBigDecimal(2));
                    }
                }
            }
        }
        sb.append("\n  规则的 SQL 片段（c_").append(cr.index()).append(" 条件，r_").append(cr.index()).append(" 金额）：\n");
        String[] lines = r.compiled().select().split("\n");
        // the rule's lines and, transitively, the shared t_<n> columns they read
        Set<String> wanted = new HashSet<>(List.of("c_" + cr.index(), "r_" + cr.index()));
        Set<Integer> shown = new TreeSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int i = 0; i < lines.length; i++) {
                Matcher def = Pattern.compile(" AS ([a-z0-9_]+),?$").matcher(lines[i]);
                if (!shown.contains(i) && def.find() && wanted.contains(def.group(1))) {
                    shown.add(i);
                    grew = true;
                    Matcher ref = Pattern.compile("\\bt_\\d+\\b").matcher(lines[i]);
                    while (ref.find()) {
                        wanted.add(ref.group());
                    }
                }
            }
        }
        for (int i : shown) {
            sb.append("    ").append(lines[i].trim()).append('\n');
        }
        return sb.toString();
    }
}
