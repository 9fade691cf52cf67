package huiqi.batch.sql;

import huiqi.batch.sql.SqlValue.Dec;
import huiqi.batch.sql.SqlValue.Day;
import huiqi.batch.sql.SqlValue.Str;
import huiqi.rules.file.ParamTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table parameter looked up by a key, as one CASE: bands test their bounds in order (an unknown key is NULL,
 * never the open last band), grades compare exactly, regions try the longest prefix first. No row = NULL
 * (unknown), as in the interpreter.
 */
final class ParamLookup {
    private ParamLookup() {
    }

    static Dec compile(ParamTable table, SqlValue key, SqlDialect dialect, Decimals dec) {
        List<String[]> whens = new ArrayList<>(); // {condition, value}
        List<BigDecimal> values = new ArrayList<>();
        String known;
        String elseValue = null;
        if (table instanceof ParamTable.Bands b) {
            SqlValue k = dec.share(key);
            known = k instanceof Day d ? "(" + d.sql() + " IS NOT NULL)" : dec.known(k);
            for (ParamTable.Band band : b.bands()) {
                values.add(band.value());
                if (band.bound() == null) {
                    elseValue = "";
                    continue;
                }
                String op = band.upTo() ? "<=" : "<";
                String cond = band.bound() instanceof LocalDate d
                        ? "(" + ((Day) k).sql() + " " + op + " " + dialect.date(d) + ")"
                        : dec.compare(k, op, dec.literal((BigDecimal) band.bound())).sql();
                whens.add(new String[] {cond, null});
            }
        } else {
            String k = dec.share(key instanceof Str s ? s.sql() : ((Dec) key).sql());
            known = "(" + k + " IS NOT NULL)";
            Map<String, BigDecimal> rows = table instanceof ParamTable.Keys keys ? keys.values()
                    : ((ParamTable.Regions) table).values();
            List<String> order = table instanceof ParamTable.Regions r ? r.longestFirst() : List.copyOf(rows.keySet());
            for (String row : order) {
                values.add(rows.get(row));
                String cond = table instanceof ParamTable.Regions
                        ? "(substr(" + k + ", 1, " + row.length() + ") = " + ExprCompiler.text(row) + ")"
                        : "(" + k + " = " + ExprCompiler.text(row) + ")";
                whens.add(new String[] {cond, null});
            }
        }
        int scale = values.stream().mapToInt(v -> dec.literal(v).scale()).max().orElse(0);
        StringBuilder sql = new StringBuilder("CASE WHEN NOT ").append(known).append(" THEN CAST(NULL AS ")
                .append(dialect.decimal(scale)).append(")");
        for (int i = 0; i < whens.size(); i++) {
            sql.append(" WHEN ").append(whens.get(i)[0]).append(" THEN ").append(dec.widen(dec.literal(values.get(i)), scale).sql());
        }
        if (elseValue != null) {
            sql.append(" ELSE ").append(dec.widen(dec.literal(values.get(values.size() - 1)), scale).sql());
        }
        return new Dec(sql.append(" END").toString(), scale);
    }
}
