package huiqi.web.policy;

/** 政策库 search: keyword, 文号, unit, region, level and validity (valid | expired | empty for all). */
public record PolicyFilter(String q, String docNumber, String unit, String region, String level, String validity) {
    public PolicyFilter {
        q = clean(q);
        docNumber = clean(docNumber);
        unit = clean(unit);
        region = clean(region);
        level = clean(level);
        validity = clean(validity);
    }

    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        return t.length() > 100 ? t.substring(0, 100) : t;
    }
}
