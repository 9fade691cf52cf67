package huiqi.web.enterprise;

/** 企业库 search: name or 统一社会信用代码, region code prefix, industry code prefix, size. */
public record EnterpriseFilter(String q, String region, String industry, String size) {
    public EnterpriseFilter {
        q = clean(q);
        region = clean(region);
        industry = clean(industry);
        size = clean(size);
    }

    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        return t.length() > 100 ? t.substring(0, 100) : t;
    }
}
