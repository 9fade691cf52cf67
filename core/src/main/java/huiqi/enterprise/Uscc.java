package huiqi.enterprise;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * 统一社会信用代码 per GB 32100-2015: 登记管理部门码 (1) + 机构类别码 (1) + 登记管理机关行政区划码 (6)
 * + 主体标识码 (9, the GB 11714 organisation code) + 校验码 (1). Characters come from the 31-symbol set
 * 0-9 A-H J-N P-R T-U W-Y (no I, O, S, V, Z); the check character makes the weighted sum ≡ 0 (mod 31).
 */
public final class Uscc {
    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** 登记管理部门码 → the 机构类别码 that department may issue (GB 32100-2015 附录A). */
    private static final Map<Character, String> CATEGORIES = Map.ofEntries(
            Map.entry('1', "1239"), // 机构编制: 机关, 事业单位, 群众团体, 其他
            Map.entry('2', "19"),   // 外交
            Map.entry('3', "123459"), // 司法行政: 律所, 公证处, 基层法律服务所, 司法鉴定, 仲裁委员会, 其他
            Map.entry('4', "19"),   // 文化
            Map.entry('5', "1239"), // 民政: 社会团体, 民办非企业单位, 基金会, 其他
            Map.entry('6', "129"),  // 旅游
            Map.entry('7', "129"),  // 宗教
            Map.entry('8', "19"),   // 工会
            Map.entry('9', "123"),  // 工商: 企业, 个体工商户, 农民专业合作社
            Map.entry('A', "19"),   // 中央军委改革和编制办公室
            Map.entry('N', "1239"), // 农业: 组级/村级/乡镇级集体经济组织, 其他
            Map.entry('Y', "1"));   // 其他

    /** 省级行政区划代码 (first two digits of a GB/T 2260 code). */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82");

    private Uscc() {
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /** Why {@code code} is not a valid 统一社会信用代码 (in Chinese), or empty when it is valid. */
    public static Optional<String> problem(String code) {
        if (code == null || code.isEmpty()) {
            return Optional.of("统一社会信用代码为空");
        }
        if (code.length() != 18) {
            return Optional.of("统一社会信用代码应为18位，实为" + code.length() + "位");
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return Optional.of("第" + (i + 1) + "位字符 '" + code.charAt(i)
                        + "' 不允许（只能是数字和除 I、O、S、V、Z 以外的大写字母）");
            }
        }
        String categories = CATEGORIES.get(code.charAt(0));
        if (categories == null) {
            return Optional.of("第1位登记管理部门码 '" + code.charAt(0) + "' 不存在");
        }
        if (categories.indexOf(code.charAt(1)) < 0) {
            return Optional.of("第2位机构类别码 '" + code.charAt(1) + "' 与登记管理部门码 '" + code.charAt(0) + "' 不匹配");
        }
        String region = code.substring(2, 8);
        if (!isPlausibleRegion(region)) {
            return Optional.of("第3-8位登记管理机关行政区划码 '" + region + "' 不是有效的行政区划代码");
        }
        char expected = checkChar(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return Optional.of("校验码错误：第18位应为 '" + expected + "'，实为 '" + code.charAt(17) + "'");
        }
        return Optional.empty();
    }

    /**
     * Whether a six-digit code looks like a GB/T 2260 行政区划代码: a real province, a two-digit prefecture
     * part (00 = the province itself) and county part. {@code 100000} is used by national registrars.
     */
    public static boolean isPlausibleRegion(String region) {
        if (region == null || !region.matches("\\d{6}")) {
            return false;
        }
        if (region.equals("100000")) {
            return true;
        }
        if (!PROVINCES.contains(region.substring(0, 2))) {
            return false;
        }
        // a county part without a prefecture part (e.g. 350012) does not exist
        return !(region.startsWith("00", 2) && !region.startsWith("00", 4));
    }

    /** The check character for the first 17 characters (which must already be in the charset). */
    public static char checkChar(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("需要前17位: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("非法字符 '" + first17.charAt(i) + "'");
            }
            sum += v * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }

    /** A random valid code of an enterprise (登记管理部门 9 工商, 类别 1 企业) registered in {@code region}. */
    public static String generate(RandomGenerator random, String region) {
        return generate(random, '9', '1', region);
    }

    public static String generate(RandomGenerator random, char department, char category, String region) {
        if (!isPlausibleRegion(region)) {
            throw new IllegalArgumentException("行政区划代码无效: " + region);
        }
        StringBuilder sb = new StringBuilder(18).append(department).append(category).append(region);
        sb.append(organisationCode(random));
        sb.append(checkChar(sb.toString()));
        String code = sb.toString();
        Optional<String> p = problem(code);
        if (p.isPresent()) {
            throw new IllegalArgumentException(p.get());
        }
        return code;
    }

    /**
     * The enterprise code (登记管理部门 9, 类别 1) for a region and the 8 body characters of its organisation
     * code; callers that need unique codes (the synthetic population) derive the body from a counter.
     */
    public static String enterprise(String region, String organisationBody) {
        if (!isPlausibleRegion(region)) {
            throw new IllegalArgumentException("行政区划代码无效: " + region);
        }
        String first17 = "91" + region + organisationBody + organisationCheck(organisationBody);
        return first17 + checkChar(first17);
    }

    /** GB 11714 组织机构代码: 8 body characters and its own mod-11 check character (0-9 or X). */
    static String organisationCode(RandomGenerator random) {
        StringBuilder sb = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            // a digit first, as issued codes mostly are; the rest from CHARSET so the USCC stays valid
            sb.append(i == 0 ? (char) ('0' + random.nextInt(10)) : CHARSET.charAt(random.nextInt(CHARSET.length())));
        }
        return sb.append(organisationCheck(sb.toString())).toString();
    }

    static char organisationCheck(String body) {
        if (body.length() != 8) {
            throw new IllegalArgumentException("组织机构代码本体应为8位: " + body);
        }
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body.charAt(i);
            if (CHARSET.indexOf(c) < 0) {
                throw new IllegalArgumentException("非法字符 '" + c + "'");
            }
            sum += (Character.isDigit(c) ? c - '0' : c - 'A' + 10) * weights[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }
}
