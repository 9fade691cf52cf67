package huiqi.rules.eval;

import huiqi.policy.RegionTable;

/** Region codes in explanations with their names: 惠安县（350521）. */
final class RegionWords {
    private RegionWords() {
    }

    /** A rule's region prefix: "3501" → 福州市（区划代码 3501 开头）. */
    static String prefix(String prefix) {
        String full = prefix.length() < 6 && prefix.length() % 2 == 0 ? prefix + "0".repeat(6 - prefix.length()) : prefix;
        return RegionTable.national().byCode(full).map(e -> e.name() + "（区划代码 " + prefix + (prefix.length() < 6 ? " 开头）" : "）"))
                .orElse("区划代码以 " + prefix + " 开头");
    }

    /** An enterprise's region code: 惠安县（350521）. */
    static String code(String code) {
        return RegionTable.national().byCode(code).map(e -> e.name() + "（" + code + "）").orElse("区划代码 " + code);
    }
}
