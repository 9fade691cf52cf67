package huiqi.rules.draft;

import java.util.Optional;

/**
 * Comparators as policy texts write them (民法典第一千二百五十九条: 以上、以下、以内 include the number, 超过、不满 do not;
 * an explicit （含…） / （不含…） wins): 达 / 达到 / 不低于 / 以上 / (含) → {@code >=}, 超过 / 高于 → {@code >},
 * 低于 / 不足 / (不含) → {@code <}, 以下 / 不超过 → {@code <=}.
 */
final class Wording {
    private Wording() {
    }

    /**
     * @param verb  the word before the number ("达", "超过", "低于", or null)
     * @param paren the bracket after the number ("(含)", "(含50人)", "(不含)", or null)
     * @param post  the word after it ("及以上", "以上", "以下", or null)
     */
    static Optional<String> comparator(String verb, String paren, String post) {
        Boolean inclusive = paren == null ? null : !paren.contains("不含");
        boolean up = post != null && post.endsWith("以上");
        boolean down = post != null && post.endsWith("以下");
        if (verb != null) {
            switch (verb) {
                case "达", "达到", "不低于", "不少于", "在" -> {
                    if (down) {
                        return Optional.of(inclusive == Boolean.FALSE ? "<" : "<=");
                    }
                    return Optional.of(inclusive == Boolean.FALSE ? ">" : ">=");
                }
                case "超过", "高于", "多于", "大于" -> {
                    return Optional.of(inclusive == Boolean.TRUE ? ">=" : ">");
                }
                case "低于", "少于", "不足", "不到", "小于" -> {
                    return Optional.of(inclusive == Boolean.TRUE ? "<=" : "<");
                }
                case "不超过", "不高于", "不多于" -> {
                    return Optional.of(inclusive == Boolean.FALSE ? "<" : "<=");
                }
                default -> {
                }
            }
        }
        if (up) {
            return Optional.of(inclusive == Boolean.FALSE ? ">" : ">=");
        }
        if (down) {
            return Optional.of(inclusive == Boolean.FALSE ? "<" : "<=");
        }
        return Optional.empty();
    }
}
