package huiqi.web.organisation;

import huiqi.org.Government;
import huiqi.org.OrgUnit;
import huiqi.org.Spellings;
import huiqi.org.UnitDirectory;
import huiqi.org.UnitImport;
import huiqi.org.UnitResolver;
import huiqi.org.UnitSeed;
import huiqi.org.UnitType;
import huiqi.policy.Level;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The organisation directory tables (org_unit, org_unit_alias, org_audit). Every change writes an audit row in
 * the same transaction. The in-memory {@link UnitDirectory} the resolver uses is rebuilt after each change.
 */
@Repository
public class OrgStore {
    public static final String SYSTEM = "系统";

    private final JdbcClient jdbc;
    private volatile UnitDirectory cached;

    public OrgStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record UnitRow(String id, String name, String type, String regionCode, String regionName, String level,
                          String parentId, String parentName, boolean active, String mergedInto, String source) {
        public String government() {
            return regionName + "（" + regionCode + "）";
        }
    }

    public record AuditRow(String unitId, String action, String detail, String actor, OffsetDateTime at) {
    }

    public UnitDirectory directory() {
        UnitDirectory d = cached;
        if (d == null) {
            d = load();
            cached = d;
        }
        return d;
    }

    public UnitResolver resolver() {
        return new UnitResolver(directory());
    }

    private UnitDirectory load() {
        Map<String, List<String>> aliases = new HashMap<>();
        jdbc.sql("select unit_id, alias from org_unit_alias order by unit_id, created_at, alias")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> aliases.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<OrgUnit> units = jdbc.sql("select * from org_unit where active order by id")
                .query((rs, i) -> new OrgUnit(rs.getString("id"), rs.getString("name"),
                        UnitType.ofLabel(rs.getString("type")),
                        new Government(rs.getString("region_code"), rs.getString("region_name"),
                                Level.ofLabel(rs.getString("level"))),
                        rs.getString("parent_id"), aliases.getOrDefault(rs.getString("id"), List.of()), true))
                .list();
        return UnitDirectory.of(units);
    }

    /** Drops the cached directory now and again when the transaction ends (a rollback must not leave it stale). */
    private void changed() {
        cached = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cached = null;
                }
            });
        }
    }

    /** Inserts the seeded units not yet in the database (never overwrites); returns how many were added. */
    @Transactional
    public int seed(List<UnitSeed.Row> rows) {
        int added = 0;
        for (UnitSeed.Row r : rows) {
            OrgUnit u = r.unit();
            boolean inserted = jdbc.sql("""
                            insert into org_unit (id, name, type, region_code, region_name, level, source)
                            values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""")
                    .params(u.id(), u.name(), u.type().label(), u.government().code(), u.government().name(),
                            u.government().level().label(), r.source()).update() == 1;
            if (inserted) {
                added++;
                u.aliases().forEach(a -> insertAlias(u.id(), a, SYSTEM));
                audit(u.id(), "种子导入", u.name() + "（来源：" + r.source() + "）", SYSTEM);
            }
        }
        for (UnitSeed.Row r : rows) {
            if (r.unit().parentId() != null) {
                jdbc.sql("update org_unit set parent_id = ? where id = ? and parent_id is null")
                        .params(r.unit().parentId(), r.unit().id()).update();
            }
        }
        changed();
        return added;
    }

    public List<UnitRow> list(String query, String government) {
        String q = "%" + (query == null ? "" : query.strip()) + "%";
        return jdbc.sql("""
                        select u.*, p.name as parent_name from org_unit u left join org_unit p on p.id = u.parent_id
                        where (u.name like :q or u.id like :q or exists (
                                 select 1 from org_unit_alias a where a.unit_id = u.id and a.alias like :q))
                          and (:g = '' or u.region_code || '|' || u.region_name = :g)
                        order by u.active desc, u.region_code, u.region_name, u.type, u.name""")
                .param("q", q).param("g", government == null ? "" : government)
                .query((rs, i) -> row(rs)).list();
    }

    public Optional<UnitRow> find(String id) {
        return jdbc.sql("""
                        select u.*, p.name as parent_name from org_unit u left join org_unit p on p.id = u.parent_id
                        where u.id = ?""").param(id).query((rs, i) -> row(rs)).optional();
    }

    /** Governments with units: "code|name" → label. */
    public Map<String, String> governments() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        jdbc.sql("select distinct region_code, region_name from org_unit order by region_code, region_name")
                .query((rs, i) -> Map.entry(rs.getString(1) + "|" + rs.getString(2),
                        rs.getString(2) + "（" + rs.getString(1) + "）")).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public List<String> aliases(String id) {
        return jdbc.sql("select alias from org_unit_alias where unit_id = ? order by created_at, alias").param(id)
                .query(String.class).list();
    }

    public List<AuditRow> audit(String unitId, int limit) {
        return jdbc.sql("""
                        select * from org_audit where (cast(? as varchar) is null or unit_id = ?)
                        order by at desc, id desc limit ?""").params(unitId, unitId, limit)
                .query((rs, i) -> new AuditRow(rs.getString("unit_id"), rs.getString("action"), rs.getString("detail"),
                        rs.getString("actor"), rs.getObject("at", OffsetDateTime.class))).list();
    }

    /** Adds a name the unit goes by in its government's documents. Empty when added, else why not. */
    @Transactional
    public Optional<String> addAlias(String id, String alias, String actor) {
        String a = Spellings.normalize(alias);
        UnitRow u = find(id).orElse(null);
        if (u == null || !u.active()) {
            return Optional.of("单位不存在或已停用");
        }
        if (a.isEmpty() || a.length() > 200) {
            return Optional.of("别名不能为空，且不超过 200 字");
        }
        List<String> taken = jdbc.sql("""
                        select u.name from org_unit_alias x join org_unit u on u.id = x.unit_id
                        where x.alias = ? and u.active and u.region_code = ? and u.region_name = ? and u.id <> ?""")
                .params(a, u.regionCode(), u.regionName(), id).query(String.class).list();
        if (!taken.isEmpty()) {
            return Optional.of("“" + a + "”在" + u.regionName() + "已是" + String.join("、", taken) + "的别名");
        }
        if (insertAlias(id, a, actor)) {
            audit(id, "添加别名", a, actor);
            changed();
        }
        return Optional.empty();
    }

    /**
     * Merges a duplicate into the unit that stays: its names become aliases of the survivor, accounts, tasks and
     * reminders move to the survivor, and the duplicate is deactivated. Empty when done, else why not.
     */
    @Transactional
    public Optional<String> merge(String duplicateId, String survivorId, String actor) {
        UnitRow dup = find(duplicateId).orElse(null);
        UnitRow keep = find(survivorId).orElse(null);
        if (dup == null || keep == null || !dup.active() || !keep.active()) {
            return Optional.of("两个单位都须存在且在用");
        }
        if (dup.id().equals(keep.id())) {
            return Optional.of("不能与自身合并");
        }
        if (!dup.regionCode().equals(keep.regionCode()) || !dup.regionName().equals(keep.regionName())) {
            return Optional.of("只能合并同一政府的单位（" + dup.regionName() + " / " + keep.regionName() + "）");
        }
        for (String a : aliases(duplicateId)) {
            insertAlias(survivorId, a, actor);
        }
        insertAlias(survivorId, Spellings.normalize(dup.name()), actor);
        int accounts = jdbc.sql("update app_user set unit_id = ? where unit_id = ?").params(survivorId, duplicateId).update();
        int tasks = jdbc.sql("update supervision_task set unit_id = ? where unit_id = ?").params(survivorId, duplicateId).update();
        jdbc.sql("update supervision_reminder set unit_id = ? where unit_id = ?").params(survivorId, duplicateId).update();
        jdbc.sql("update org_unit set parent_id = ? where parent_id = ?").params(survivorId, duplicateId).update();
        jdbc.sql("update org_unit set active = false, merged_into = ? where id = ?").params(survivorId, duplicateId).update();
        audit(duplicateId, "合并", dup.name() + " 并入 " + keep.name() + "（账号 " + accounts + " 个、督查任务 " + tasks + " 项随之转移）", actor);
        audit(survivorId, "合并", "并入 " + dup.name() + "（" + duplicateId + "）", actor);
        changed();
        return Optional.empty();
    }

    /** Deactivates a unit: it resolves no more mentions and no new account can be bound to it. */
    @Transactional
    public Optional<String> deactivate(String id, String reason, String actor) {
        UnitRow u = find(id).orElse(null);
        if (u == null || !u.active()) {
            return Optional.of("单位不存在或已停用");
        }
        if (reason == null || reason.isBlank()) {
            return Optional.of("请填写停用原因");
        }
        jdbc.sql("update org_unit set active = false where id = ?").param(id).update();
        audit(id, "停用", reason.strip(), actor);
        changed();
        return Optional.empty();
    }

    /**
     * Adds one unit entered by 管理员 (checked as an import row is): its id is "<区划代码>/<全称>"; the parent, when
     * given, must be an active unit; none of its names may already name another unit of its government.
     * Empty when added, else what is wrong.
     */
    @Transactional
    public List<String> addUnit(UnitImport.Unit u, String actor) {
        List<String> problems = new ArrayList<>();
        String id = u.government().code() + "/" + u.name();
        String parent = null;
        if (!u.parent().isBlank()) {
            parent = activeUnitId(u.parent()).orElse(null);
            if (parent == null) {
                problems.add("「上级单位」：组织目录中没有在用的“" + u.parent() + "”");
            }
        }
        if (find(id).isPresent()) {
            problems.add("「规范全称」：编号 " + id + " 已被使用（含已停用或已合并的单位）");
        }
        for (String a : u.aliases()) {
            List<String> taken = aliasTakenBy(a, u.government().code(), u.government().name(), id);
            if (!taken.isEmpty()) {
                problems.add("「简称/别名」：“" + a + "”在" + u.government().name() + "已是" + String.join("、", taken) + "的名称");
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        jdbc.sql("""
                        insert into org_unit (id, name, type, region_code, region_name, level, parent_id, source)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, u.name(), u.type().label(), u.government().code(), u.government().name(),
                        u.government().level().label(), parent, u.source().isEmpty() ? "管理员新增" : u.source())
                .update();
        u.aliases().forEach(a -> insertAlias(id, a, actor));
        audit(id, "新增", u.name() + "（" + u.type().label() + "，" + u.government().name() + "）", actor);
        changed();
        return List.of();
    }

    /**
     * Corrects a unit's canonical name, type and parent (its government stays: a unit of another government is
     * another unit — add it and merge). The old name stays an alias, so documents that wrote it still resolve.
     * Empty when saved (or nothing changed), else what is wrong.
     */
    @Transactional
    public List<String> editUnit(String id, String name, String typeLabel, String parentId, String actor) {
        UnitRow u = find(id).orElse(null);
        if (u == null || !u.active()) {
            return List.of("单位不存在或已停用");
        }
        List<String> problems = new ArrayList<>();
        String newName = Spellings.normalize(name);
        UnitType type = null;
        try {
            type = UnitType.ofLabel(typeLabel);
        } catch (IllegalArgumentException e) {
            problems.add("「类型」：应为 " + String.join("、", java.util.Arrays.stream(UnitType.values()).map(UnitType::label).toList()));
        }
        if (newName.isEmpty() || newName.length() > 200) {
            problems.add("「规范全称」：不能为空，且不超过 200 字");
        } else if (!newName.equals(u.name()) && nameTaken(newName)) {
            problems.add("「规范全称」：组织目录中已有同名单位（如为重复单位请合并）");
        } else if (!newName.equals(u.name())) {
            List<String> taken = aliasTakenBy(newName, u.regionCode(), u.regionName(), id);
            if (!taken.isEmpty()) {
                problems.add("「规范全称」：“" + newName + "”在" + u.regionName() + "已是" + String.join("、", taken) + "的名称");
            }
        }
        String parent = parentId == null || parentId.isBlank() ? null : parentId.strip();
        if (parent != null) {
            if (parent.equals(id)) {
                problems.add("「上级单位」：不能是本单位");
            } else if (activeUnitId(parent).filter(parent::equals).isEmpty()) {
                problems.add("「上级单位」：组织目录中没有在用的该单位");
            } else if (ancestors(parent).contains(id)) {
                problems.add("「上级单位」：" + nameOf(parent).orElse(parent) + "是本单位的下级，不能作为上级");
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        List<String> changes = new ArrayList<>();
        if (!newName.equals(u.name())) {
            changes.add("全称 " + u.name() + " → " + newName);
            insertAlias(id, Spellings.normalize(u.name()), actor);
            insertAlias(id, newName, actor);
        }
        if (!type.label().equals(u.type())) {
            changes.add("类型 " + u.type() + " → " + type.label());
        }
        if (!java.util.Objects.equals(parent, u.parentId())) {
            changes.add("上级单位 " + (u.parentName() == null ? "无" : u.parentName()) + " → "
                    + (parent == null ? "无" : nameOf(parent).orElse(parent)));
        }
        if (changes.isEmpty()) {
            return List.of();
        }
        jdbc.sql("update org_unit set name = ?, type = ?, parent_id = ? where id = ?")
                .params(newName, type.label(), parent, id).update();
        audit(id, "修改", String.join("；", changes), actor);
        changed();
        return List.of();
    }

    /** Active units grouped by government (label "鼓楼区（350102）"), governments by code. */
    public Map<String, List<UnitRow>> activeByGovernment() {
        Map<String, List<UnitRow>> out = new java.util.LinkedHashMap<>();
        list("", "").stream().filter(UnitRow::active)
                .sorted(java.util.Comparator.comparing(UnitRow::regionCode).thenComparing(UnitRow::regionName)
                        .thenComparing(r -> !"人民政府".equals(r.type()) && !"园区管委会".equals(r.type()))
                        .thenComparing(UnitRow::name))
                .forEach(r -> out.computeIfAbsent(r.government(), k -> new ArrayList<>()).add(r));
        return out;
    }

    private Optional<String> activeUnitId(String idOrName) {
        String t = idOrName.strip();
        List<String> ids = jdbc.sql("select id from org_unit where active and (id = ? or name = ?)")
                .params(t, Spellings.normalize(t)).query(String.class).list();
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }

    private List<String> aliasTakenBy(String alias, String code, String regionName, String exceptId) {
        return jdbc.sql("""
                        select distinct u.name from org_unit_alias x join org_unit u on u.id = x.unit_id
                        where x.alias = ? and u.active and u.region_code = ? and u.region_name = ? and u.id <> ?""")
                .params(Spellings.normalize(alias), code, regionName, exceptId).query(String.class).list();
    }

    private List<String> ancestors(String id) {
        List<String> out = new ArrayList<>();
        String at = id;
        while (at != null && !out.contains(at)) {
            out.add(at);
            at = jdbc.sql("select parent_id from org_unit where id = ?").param(at).query(String.class).optional().orElse(null);
        }
        return out;
    }

    public boolean nameTaken(String name) {
        return jdbc.sql("select count(*) from org_unit where name = ? and active").param(name).query(Long.class).single() > 0;
    }

    /** Adds the imported units in one transaction; a parent must name a unit by id or canonical name. */
    @Transactional
    public List<UnitImport.Problem> importUnits(List<UnitImport.Unit> units, String fileName, String actor) {
        List<UnitImport.Problem> problems = new ArrayList<>();
        Map<String, String> idsByName = new HashMap<>();
        for (UnitImport.Unit u : units) {
            idsByName.put(u.name(), u.government().code() + "/" + u.name());
        }
        for (UnitImport.Unit u : units) {
            String id = idsByName.get(u.name());
            jdbc.sql("""
                            insert into org_unit (id, name, type, region_code, region_name, level, source)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, u.name(), u.type().label(), u.government().code(), u.government().name(),
                            u.government().level().label(), u.source().isEmpty() ? "导入：" + fileName : u.source())
                    .update();
            u.aliases().forEach(a -> insertAlias(id, a, actor));
            audit(id, "导入", u.name() + "（" + fileName + " 第 " + u.row() + " 行）", actor);
        }
        for (UnitImport.Unit u : units) {
            if (u.parent().isBlank()) {
                continue;
            }
            String parent = idsByName.getOrDefault(u.parent(), find(u.parent()).map(UnitRow::id)
                    .orElse(jdbc.sql("select id from org_unit where name = ? and active").param(u.parent())
                            .query(String.class).optional().orElse(null)));
            if (parent == null) {
                problems.add(new UnitImport.Problem(u.row(), "上级单位", "组织目录和本文件中都没有“" + u.parent() + "”"));
            } else {
                jdbc.sql("update org_unit set parent_id = ? where id = ?").params(parent, idsByName.get(u.name())).update();
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRefused(problems);
        }
        changed();
        return problems;
    }

    /** Thrown inside the import transaction so that nothing of a refused file stays. */
    public static final class ImportRefused extends RuntimeException {
        private final List<UnitImport.Problem> problems;

        ImportRefused(List<UnitImport.Problem> problems) {
            super("导入被拒绝");
            this.problems = List.copyOf(problems);
        }

        public List<UnitImport.Problem> problems() {
            return problems;
        }
    }

    /** The unit an account names: its id, its canonical name, or an alias only one active unit has. */
    public Optional<String> idOf(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        List<String> ids = jdbc.sql("select id from org_unit where active and (id = ? or name = ?)")
                .params(t, Spellings.normalize(t)).query(String.class).list();
        if (ids.size() == 1) {
            return Optional.of(ids.get(0));
        }
        List<String> byAlias = jdbc.sql("""
                        select distinct a.unit_id from org_unit_alias a join org_unit u on u.id = a.unit_id
                        where u.active and a.alias = ?""").param(Spellings.normalize(t)).query(String.class).list();
        return byAlias.size() == 1 ? Optional.of(byAlias.get(0)) : Optional.empty();
    }

    public Optional<String> nameOf(String id) {
        return id == null ? Optional.empty()
                : jdbc.sql("select name from org_unit where id = ?").param(id).query(String.class).optional();
    }

    private boolean insertAlias(String id, String alias, String actor) {
        return jdbc.sql("insert into org_unit_alias (unit_id, alias, created_by) values (?, ?, ?) on conflict do nothing")
                .params(id, alias, actor).update() == 1;
    }

    void audit(String unitId, String action, String detail, String actor) {
        jdbc.sql("insert into org_audit (unit_id, action, detail, actor) values (?, ?, ?, ?)")
                .params(unitId, action, detail, actor).update();
    }

    private static UnitRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new UnitRow(rs.getString("id"), rs.getString("name"), rs.getString("type"), rs.getString("region_code"),
                rs.getString("region_name"), rs.getString("level"), rs.getString("parent_id"),
                rs.getString("parent_name"), rs.getBoolean("active"), rs.getString("merged_into"), rs.getString("source"));
    }
}
