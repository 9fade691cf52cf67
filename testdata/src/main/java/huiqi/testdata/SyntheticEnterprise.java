package huiqi.testdata;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One enterprise being generated: profile fields, attribute cells and fact values as they will be written to
 * profiles.csv and facts.csv. Mutable so that a boundary scenario can overwrite what the realistic sampler
 * produced; lives only while its rows are written.
 */
public final class SyntheticEnterprise {
    public final long index;
    public String uscc;
    public String name;
    public String regionCode;
    public String industryCode;
    public String size;
    /** the made-up brand and the district, from which the name is built */
    String brand = "";
    String district = "";
    /** attribute id → cell text (是/否, 2024-02, 2019-05-12 …); absent = unknown. */
    public final Map<String, String> attributes = new LinkedHashMap<>();
    /** "indicator|period" → value; absent = not reported. */
    public final Map<String, BigDecimal> facts = new LinkedHashMap<>();

    /** Listed items (#17: leases…) in the order written to items.csv; a kind not present here is not given. */
    public final java.util.List<huiqi.facts.Item> items = new java.util.ArrayList<>();

    SyntheticEnterprise(long index) {
        this.index = index;
    }

    /** Builds the name from district, brand, industry and size, e.g. 泉州台商投资区鑫源鞋业有限公司. */
    void rename() {
        String prefix = Regions.byDistrict(district).prefix();
        String word = Industries.ALL.stream().filter(i -> i.code().equals(industryCode)).findFirst()
                .map(Industries.Industry::word).orElse("实业");
        name = prefix + brand + word + ("大型".equals(size) && index % 2 == 0 ? "股份有限公司" : "有限公司");
    }

    /**
     * Zone membership (attribute {@code zone}) follows the district: 泉州台商投资区 for its enterprises (registered
     * under 惠安县 350521), 无 for the rest of 惠安县 except every fourth one, whose zone is left unknown; outside
     * 惠安县 no zone is written (no rule of those regions names one).
     */
    void placeInZone() {
        if (district.equals("泉州台商投资区")) {
            attributes.put("zone", "泉州台商投资区");
        } else if ("350521".equals(regionCode) && index % 4 != 0) {
            attributes.put("zone", "无");
        } else {
            attributes.remove("zone");
        }
    }

    public void flag(String attribute, boolean value) {
        attributes.put(attribute, value ? "是" : "否");
    }

    public void attribute(String attribute, String value) {
        attributes.put(attribute, value);
    }

    public void fact(String indicator, String period, BigDecimal value) {
        facts.put(indicator + "|" + period, value);
    }

    public void fact(String indicator, String period, long value) {
        fact(indicator, period, BigDecimal.valueOf(value));
    }

    public void removeFact(String indicator, String period) {
        facts.remove(indicator + "|" + period);
    }

    /** Removes every value of an indicator whose period starts with {@code periodPrefix} (e.g. "2024-"). */
    public void removeFacts(String indicator, String periodPrefix) {
        facts.keySet().removeIf(k -> k.startsWith(indicator + "|" + periodPrefix));
    }

    public void item(huiqi.facts.Item item) {
        items.add(item);
    }

    /** Forgets every item of a kind: the list is then not given (unknown), not empty. */
    public void removeItems(String kind) {
        items.removeIf(i -> i.kind().equals(kind));
    }

    public BigDecimal factValue(String indicator, String period) {
        return facts.get(indicator + "|" + period);
    }
}
