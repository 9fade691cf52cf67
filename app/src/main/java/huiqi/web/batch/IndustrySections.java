package huiqi.web.batch;

/** GB/T 4754-2017 门类 (sections A–T) of an industry code written as "C3311" or "3311". */
final class IndustrySections {
    private static final String[][] SECTIONS = {
            {"A", "农、林、牧、渔业", "01", "05"}, {"B", "采矿业", "06", "12"}, {"C", "制造业", "13", "43"},
            {"D", "电力、热力、燃气及水生产和供应业", "44", "46"}, {"E", "建筑业", "47", "50"},
            {"F", "批发和零售业", "51", "52"}, {"G", "交通运输、仓储和邮政业", "53", "60"},
            {"H", "住宿和餐饮业", "61", "62"}, {"I", "信息传输、软件和信息技术服务业", "63", "65"},
            {"J", "金融业", "66", "69"}, {"K", "房地产业", "70", "70"}, {"L", "租赁和商务服务业", "71", "72"},
            {"M", "科学研究和技术服务业", "73", "75"}, {"N", "水利、环境和公共设施管理业", "76", "79"},
            {"O", "居民服务、修理和其他服务业", "80", "82"}, {"P", "教育", "83", "83"},
            {"Q", "卫生和社会工作", "84", "85"}, {"R", "文化、体育和娱乐业", "86", "90"},
            {"S", "公共管理、社会保障和社会组织", "91", "96"}, {"T", "国际组织", "97", "97"}};

    private IndustrySections() {
    }

    /** "C 制造业", or "未知" when the code is missing or not a GB/T 4754 code. */
    static String of(String code) {
        if (code == null || code.isBlank()) {
            return "未知";
        }
        String c = code.strip().toUpperCase();
        if (Character.isLetter(c.charAt(0))) {
            for (String[] s : SECTIONS) {
                if (s[0].charAt(0) == c.charAt(0)) {
                    return s[0] + " " + s[1];
                }
            }
            return "未知";
        }
        if (c.length() < 2 || !Character.isDigit(c.charAt(1))) {
            return "未知";
        }
        String division = c.substring(0, 2);
        for (String[] s : SECTIONS) {
            if (division.compareTo(s[2]) >= 0 && division.compareTo(s[3]) <= 0) {
                return s[0] + " " + s[1];
            }
        }
        return "未知";
    }
}
