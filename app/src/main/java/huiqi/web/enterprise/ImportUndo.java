package huiqi.web.enterprise;

import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import huiqi.web.security.HuiqiUser;
import huiqi.web.security.Role;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Undo of a whole accepted import: every fact it wrote returns to the value it replaced (or is removed when there
 * was none), every profile to its row before (an enterprise the import created is removed). Refused while a later
 * import or 事实数据上报 changed the same data, or a 兑现 case computed after the import reached payment on it.
 */
@Service
public class ImportUndo {
    /** How many examples a blocker names before "等 N 条". */
    private static final int EXAMPLES = 3;

    private final JdbcClient jdbc;
    private final ImportHistory history;
    private final IndicatorCatalog catalog;

    ImportUndo(JdbcClient jdbc, ImportHistory history, IndicatorCatalog catalog) {
        this.jdbc = jdbc;
        this.history = history;
        this.catalog = catalog;
    }

    /** What an undo would do, and why it may not. */
    public record Plan(ImportEntry entry, int factsRestored, int factsRemoved, int profilesRestored,
                       int enterprisesRemoved, List<String> blockers) {
        public boolean allowed() {
            return blockers.isEmpty();
        }
    }

    @Transactional(readOnly = true)
    public Plan plan(long id, HuiqiUser user) {
        ImportEntry entry = history.find(id).orElseThrow(() -> new ImportNotFound(id));
        return plan(entry, user);
    }

    /** Undoes import {@code id}; returns what was restored. Throws {@link ImportUndoRefused} with the reasons. */
    @Transactional
    public Plan undo(long id, HuiqiUser user) {
        // the row lock serialises two undos of one import; the fact rows are locked before they are checked
        ImportEntry entry = jdbc.sql("select * from import_log where id = ? for update").param(id)
                .query(ImportHistory::entry).optional().orElseThrow(() -> new ImportNotFound(id));
        jdbc.sql("""
                select 1 from enterprise_fact f join import_fact_version v
                  on v.uscc = f.uscc and v.indicator = f.indicator and v.period = f.period
                where v.import_id = ? for update of f""").param(id).query().listOfRows();
        Plan plan = plan(entry, user);
        if (!plan.allowed()) {
            throw new ImportUndoRefused(plan.blockers());
        }
        jdbc.sql("""
                update enterprise_fact f set value = v.prev_value, source = v.prev_source, file = v.prev_file,
                  row_no = v.prev_row_no, batch_id = v.prev_batch_id, import_id = v.prev_import_id,
                  source_unit_id = v.prev_source_unit_id
                from import_fact_version v
                where v.import_id = ? and v.had_previous
                  and f.uscc = v.uscc and f.indicator = v.indicator and f.period = v.period""").param(id).update();
        jdbc.sql("""
                delete from enterprise_fact f using import_fact_version v
                where v.import_id = ? and not v.had_previous
                  and f.uscc = v.uscc and f.indicator = v.indicator and f.period = v.period""").param(id).update();
        // item lists: the whole list as it was (none where the import created it); before profiles, whose delete cascades
        jdbc.sql("""
                delete from enterprise_item_list l using import_item_version v
                where v.import_id = ? and l.uscc = v.uscc and l.kind = v.kind""").param(id).update();
        jdbc.sql("""
                insert into enterprise_item_list (uscc, kind, file, row_no, batch_id)
                select v.uscc, v.kind, v.previous ->> 'file', cast(v.previous ->> 'row_no' as int), v.previous ->> 'batch_id'
                from import_item_version v where v.import_id = ? and v.previous is not null""").param(id).update();
        jdbc.sql("""
                insert into enterprise_item (uscc, kind, item_id, ord, fields)
                select v.uscc, v.kind, e ->> 'item_id', cast(e ->> 'ord' as int), e -> 'fields'
                from import_item_version v, jsonb_array_elements(v.previous -> 'items') e
                where v.import_id = ? and v.previous is not null""").param(id).update();
        jdbc.sql("""
                update enterprise e set name = p.previous ->> 'name', region_code = p.previous ->> 'region_code',
                  industry_code = p.previous ->> 'industry_code', size = p.previous ->> 'size',
                  attributes = p.previous -> 'attributes', provenance = p.previous -> 'provenance'
                from import_profile_version p
                where p.import_id = ? and p.previous is not null and e.uscc = p.uscc""").param(id).update();
        jdbc.sql("""
                delete from enterprise e using import_profile_version p
                where p.import_id = ? and p.previous is null and e.uscc = p.uscc""").param(id).update();
        jdbc.sql("update import_log set status = '已撤销', undone_by = ?, undone_at = now() where id = ?")
                .params(user.getUsername(), id).update();
        jdbc.sql("""
                        insert into audit_log (actor, role, action, entity, entity_id, before, after, detail)
                        values (?, ?, '撤销导入', 'import', ?, cast(? as jsonb), cast(? as jsonb), ?)""")
                .params(user.getUsername(), user.getRole().name(), Long.toString(id),
                        "{\"status\":\"已导入\",\"rows\":" + entry.rows() + "}",
                        "{\"status\":\"已撤销\",\"restoredFacts\":" + plan.factsRestored() + ",\"removedFacts\":"
                                + plan.factsRemoved() + ",\"restoredProfiles\":" + plan.profilesRestored()
                                + ",\"removedEnterprises\":" + plan.enterprisesRemoved() + "}",
                        "撤销 " + entry.label() + "：" + plan.factsRestored() + " 条指标数据恢复为原值，"
                                + plan.factsRemoved() + " 条原无数据的删除，" + plan.profilesRestored() + " 户档案恢复，"
                                + plan.enterprisesRemoved() + " 户本次新建的企业删除")
                .update();
        return plan;
    }

    private Plan plan(ImportEntry entry, HuiqiUser user) {
        List<String> blockers = new ArrayList<>();
        if (entry.rejected()) {
            blockers.add("被拒绝的导入没有写入任何数据，无需撤销");
        } else if (entry.undone()) {
            blockers.add("该导入已于 " + entry.undoneAt().toLocalDate() + " 由 " + entry.undoneBy() + " 撤销");
        } else if (!entry.versioned()) {
            blockers.add("该导入早于导入版本记录（系统升级前导入），没有保存被替换的原值，无法撤销");
        }
        if (user.getRole() != Role.ADMIN && !user.getUsername().equals(entry.importedBy())) {
            blockers.add("只有导入人 " + entry.importedBy() + " 或管理员可以撤销这次导入");
        }
        if (!blockers.isEmpty()) {
            return new Plan(entry, 0, 0, 0, 0, blockers);
        }
        long id = entry.id();
        int restored = count("select count(*) from import_fact_version where import_id = ? and had_previous", id);
        int removed = count("select count(*) from import_fact_version where import_id = ? and not had_previous", id);
        int profiles = count("select count(*) from import_profile_version where import_id = ? and previous is not null", id);
        int created = count("select count(*) from import_profile_version where import_id = ? and previous is null", id);
        laterFactChanges(id, blockers);
        laterProfileChanges(id, blockers);
        laterItemChanges(id, blockers);
        createdEnterprisesInUse(id, blockers);
        paidCases(entry, blockers);
        return new Plan(entry, restored, removed, profiles, created, blockers);
    }

    /** Facts this import wrote whose current value another import or 事实数据上报 set since. */
    private void laterFactChanges(long id, List<String> blockers) {
        Map<String, List<String>> bySource = new LinkedHashMap<>();
        jdbc.sql("""
                        select v.uscc, v.indicator, v.period, f.uscc is null as gone, f.import_id, f.batch_id
                        from import_fact_version v
                          left join enterprise_fact f on f.uscc = v.uscc and f.indicator = v.indicator and f.period = v.period
                        where v.import_id = ? and (f.uscc is null or f.import_id is distinct from v.import_id
                                                   or f.batch_id is not null)
                        order by f.import_id nulls last, v.uscc, v.indicator, v.period""")
                .param(id)
                .query(rs -> {
                    Long later = (Long) rs.getObject("import_id");
                    String source = rs.getBoolean("gone") ? "之后被删除（企业档案已删除或数据已撤销）"
                            : later != null ? laterImport(later)
                            : rs.getString("batch_id") != null ? "事实数据上报批次「" + rs.getString("batch_id") + "」"
                            : "其他方式（非本次导入）";
                    bySource.computeIfAbsent(source, k -> new ArrayList<>()).add(rs.getString("uscc") + " "
                            + indicatorName(rs.getString("indicator")) + " " + rs.getString("period"));
                });
        bySource.forEach((source, facts) -> blockers.add(source + " 改了本次导入的 " + facts.size() + " 条指标数据："
                + examples(facts) + "。请先撤销那次导入或更正后再撤销本次"));
    }

    /** Profiles this import wrote that a later, still standing import wrote again. */
    private void laterProfileChanges(long id, List<String> blockers) {
        Map<Long, List<String>> byImport = new LinkedHashMap<>();
        jdbc.sql("""
                        select later.import_id, later.uscc from import_profile_version mine
                          join import_profile_version later on later.uscc = mine.uscc and later.import_id > mine.import_id
                          join import_log l on l.id = later.import_id and l.status = '已导入'
                        where mine.import_id = ? order by later.import_id, later.uscc""")
                .param(id)
                .query(rs -> {
                    byImport.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        byImport.forEach((later, usccs) -> blockers.add(laterImport(later) + " 又改了本次导入的 " + usccs.size()
                + " 户企业档案：" + examples(usccs) + "。请先撤销那次导入"));
    }

    /** Item lists this import replaced that a later, still standing import replaced again. */
    private void laterItemChanges(long id, List<String> blockers) {
        Map<Long, List<String>> byImport = new LinkedHashMap<>();
        jdbc.sql("""
                        select later.import_id, later.uscc, later.kind from import_item_version mine
                          join import_item_version later on later.uscc = mine.uscc and later.kind = mine.kind
                                                        and later.import_id > mine.import_id
                          join import_log l on l.id = later.import_id and l.status = '已导入'
                        where mine.import_id = ? order by later.import_id, later.uscc, later.kind""")
                .param(id)
                .query(rs -> {
                    byImport.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2) + " "
                            + catalog.itemKind(rs.getString(3)).map(k -> k.name()).orElse(rs.getString(3)));
                });
        byImport.forEach((later, lists) -> blockers.add(laterImport(later) + " 又改了本次导入的 " + lists.size()
                + " 份清单：" + examples(lists) + "。请先撤销那次导入"));
        // 事实数据上报 cannot be undone: a list a later batch replaced keeps this import from being undone
        Map<String, List<String>> byBatch = new LinkedHashMap<>();
        jdbc.sql("""
                        select l.batch_id, l.uscc, l.kind from import_item_version mine
                          join enterprise_item_list l on l.uscc = mine.uscc and l.kind = mine.kind
                        where mine.import_id = ? and l.batch_id is not null order by l.batch_id, l.uscc, l.kind""")
                .param(id)
                .query(rs -> {
                    byBatch.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2) + " "
                            + catalog.itemKind(rs.getString(3)).map(k -> k.name()).orElse(rs.getString(3)));
                });
        byBatch.forEach((batch, lists) -> blockers.add("事实数据上报批次「" + batch + "」 又改了本次导入的 " + lists.size()
                + " 份清单：" + examples(lists) + "。事实数据上报不能撤销，请更正后再导入"));
    }

    /** An enterprise this import created can only go if nothing else refers to it since. */
    private void createdEnterprisesInUse(long id, List<String> blockers) {
        List<String> otherFacts = jdbc.sql("""
                        select distinct f.uscc from import_profile_version p join enterprise_fact f on f.uscc = p.uscc
                        where p.import_id = ? and p.previous is null and f.import_id is distinct from p.import_id
                        order by f.uscc""")
                .param(id).query(String.class).list();
        if (!otherFacts.isEmpty()) {
            blockers.add("本次导入新建的 " + otherFacts.size() + " 户企业之后又有其他来源的指标数据：" + examples(otherFacts)
                    + "。撤销会删除这些企业，请先撤销或删除那些数据");
        }
        List<String> cases = jdbc.sql("""
                        select c.uscc || ' 兑现事项 ' || c.id || '（' || c.title || '，' || c.state || '）'
                        from import_profile_version p join fulfilment_case c on c.uscc = p.uscc
                        where p.import_id = ? and p.previous is null order by c.id""")
                .param(id).query(String.class).list();
        if (!cases.isEmpty()) {
            blockers.add("本次导入新建的企业已有 " + cases.size() + " 件兑现事项：" + examples(cases) + "。撤销会删除这些企业，不能撤销");
        }
    }

    /** Cases matched after the import on the enterprises and periods it changed, and since paid or in payment. */
    private void paidCases(ImportEntry entry, List<String> blockers) {
        Map<String, List<Period>> periods = new LinkedHashMap<>();
        jdbc.sql("select uscc, period from import_fact_version where import_id = ?").param(entry.id())
                .query(rs -> {
                    periods.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(Period.parse(rs.getString(2)));
                });
        if (periods.isEmpty()) {
            return;
        }
        List<String> paid = new ArrayList<>();
        jdbc.sql("""
                        select id, uscc, coalesce(enterprise_name, uscc) as name, title, period, amount, state
                        from fulfilment_case
                        where uscc = any(?) and state in ('财政拨付', '已兑现') and matched_at >= ?
                        order by id""")
                .params(periods.keySet().toArray(String[]::new), entry.importedAt())
                .query(rs -> {
                    if (overlaps(rs.getString("period"), periods.get(rs.getString("uscc")))) {
                        BigDecimal amount = rs.getBigDecimal("amount");
                        paid.add("兑现事项 " + rs.getLong("id") + "（" + rs.getString("name") + "，" + rs.getString("title")
                                + "，" + rs.getString("period") + "，" + amount.toPlainString() + " 元，" + rs.getString("state") + "）");
                    }
                });
        if (!paid.isEmpty()) {
            blockers.add("已有 " + paid.size() + " 件兑现事项依据本次导入的数据拨付或正在拨付：" + examples(paid)
                    + "。撤销会使已拨付的金额失去依据，不能撤销；如数据有误，请导入更正数据并按兑现流程冲正");
        }
    }

    private static boolean overlaps(String casePeriod, List<Period> factPeriods) {
        Period c;
        try {
            c = Period.parse(casePeriod);
        } catch (IllegalArgumentException e) {
            return true; // a period we cannot read might overlap: refuse rather than guess
        }
        return factPeriods.stream().anyMatch(f -> !f.end().isBefore(c.start()) && !f.start().isAfter(c.end()));
    }

    private String laterImport(long id) {
        return history.find(id).map(ImportEntry::label).orElse("第 " + id + " 号导入");
    }

    private String indicatorName(String id) {
        return catalog.indicator(id).map(i -> Objects.requireNonNullElse(i.name(), id)).orElse(id);
    }

    private int count(String sql, long id) {
        return jdbc.sql(sql).param(id).query(Integer.class).single();
    }

    private static String examples(List<String> items) {
        String shown = String.join("、", items.subList(0, Math.min(EXAMPLES, items.size())));
        return items.size() > EXAMPLES ? shown + " 等 " + items.size() + " 条" : shown;
    }
}
