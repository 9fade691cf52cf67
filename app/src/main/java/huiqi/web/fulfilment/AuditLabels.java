package huiqi.web.fulfilment;

import huiqi.web.security.Role;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chinese names for what the audit log stores in English keys: objects, roles and the fields of a snapshot. */
final class AuditLabels {
    /** Object kinds in the order of the filter menu. */
    static final Map<String, String> ENTITIES = new LinkedHashMap<>();
    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        ENTITIES.put("case", "兑现事项");
        ENTITIES.put("bulk", "批量办理");
        ENTITIES.put("offer", "申请资格");
        ENTITIES.put("budget", "预算");
        ENTITIES.put("cap", "兑现上限");
        ENTITIES.put("stacking-class", "取高不重复");
        ENTITIES.put("match-run", "匹配同步");
        ENTITIES.put("account", "账号");
        ENTITIES.put("import", "数据导入");

        FIELDS.put("id", "事项号");
        FIELDS.put("rule", "规则");
        FIELDS.put("uscc", "统一社会信用代码");
        FIELDS.put("period", "期间");
        FIELDS.put("seq", "笔次");
        FIELDS.put("kind", "类型");
        FIELDS.put("amount", "金额");
        FIELDS.put("state", "状态");
        FIELDS.put("unit", "办理单位");
        FIELDS.put("payer", "付款方");
        FIELDS.put("bankAccount", "收款账号");
        FIELDS.put("reason", "说明");
        FIELDS.put("budget", "预算");
        FIELDS.put("paid", "已拨付");
        FIELDS.put("cap", "上限");
        FIELDS.put("rules", "规则数");
        FIELDS.put("quote", "依据原文");
        FIELDS.put("class", "类别");
        FIELDS.put("matches", "匹配条数");
        FIELDS.put("created", "新生成");
        FIELDS.put("topUps", "补差");
        FIELDS.put("corrections", "冲正");
        FIELDS.put("withdrawn", "撤销");
        FIELDS.put("unchanged", "未变");
        FIELDS.put("offers", "可申请");
        FIELDS.put("refused", "被拒件数");
        FIELDS.put("of", "共");
        FIELDS.put("byReason", "拒绝原因");
        FIELDS.put("caseIds", "事项号");
        FIELDS.put("status", "结果");
        FIELDS.put("rows", "行数");
        FIELDS.put("restoredFacts", "恢复原值的指标数据");
        FIELDS.put("removedFacts", "删除的指标数据（导入前没有）");
        FIELDS.put("restoredProfiles", "恢复的企业档案");
        FIELDS.put("removedEnterprises", "删除的企业（本次新建）");
    }

    private AuditLabels() {
    }

    static String entity(String key) {
        return key == null ? "" : ENTITIES.getOrDefault(key, key);
    }

    static String field(String key) {
        return FIELDS.getOrDefault(key, key);
    }

    /** The stored role (an enum name, or SYSTEM for start-up and sign-in events) in Chinese. */
    static String role(String stored) {
        if (stored == null || stored.isBlank()) {
            return "";
        }
        if (stored.equalsIgnoreCase("SYSTEM")) {
            return "系统";
        }
        try {
            return Role.valueOf(stored).label();
        } catch (IllegalArgumentException e) {
            return stored;
        }
    }
}
