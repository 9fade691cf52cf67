package huiqi.testdata;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Where the synthetic enterprises are registered: districts and counties of 福州 and 泉州 with rough weights
 * (share of registered enterprises), and those of 莆田, 杨凌, 楚雄, 黄石 and 萧山 with weight 0: {@link #pick} never draws them, so
 * adding them left the 福州/泉州 population as it was; {@link NewDocumentsData} moves a few enterprises there.
 * 泉州台商投资区 has no GB/T 2260 code of its own; its enterprises are registered under 惠安县 350521 (the zone
 * was carved out of it) and carry the zone's name.
 */
final class Regions {
    /** {@code prefix} starts the names of the enterprises registered there (泉州市…, 泉州台商投资区…, 杨凌…). */
    record Region(String code, String city, String district, int weight, String prefix) {
        Region(String code, String city, String district, int weight) {
            this(code, city, district, weight, city + "市");
        }
    }

    static final List<Region> ALL = List.of(
            new Region("350102", "福州", "鼓楼区", 14),
            new Region("350103", "福州", "台江区", 7),
            new Region("350104", "福州", "仓山区", 8),
            new Region("350105", "福州", "马尾区", 4),
            new Region("350111", "福州", "晋安区", 7),
            new Region("350112", "福州", "长乐区", 5),
            new Region("350121", "福州", "闽侯县", 6),
            new Region("350122", "福州", "连江县", 3),
            new Region("350181", "福州", "福清市", 6),
            new Region("350502", "泉州", "鲤城区", 4),
            new Region("350503", "泉州", "丰泽区", 5),
            new Region("350504", "泉州", "洛江区", 2),
            new Region("350505", "泉州", "泉港区", 2),
            new Region("350521", "泉州", "泉州台商投资区", 6, "泉州台商投资区"),
            new Region("350521", "泉州", "惠安县", 3),
            new Region("350581", "泉州", "石狮市", 4),
            new Region("350582", "泉州", "晋江市", 10),
            new Region("350583", "泉州", "南安市", 4),
            new Region("350302", "莆田", "城厢区", 0),
            new Region("350303", "莆田", "涵江区", 0),
            new Region("350304", "莆田", "荔城区", 0),
            new Region("350305", "莆田", "秀屿区", 0),
            new Region("350322", "莆田", "仙游县", 0),
            // 杨凌农业高新技术产业示范区: its enterprises are registered under 杨陵区 610403
            new Region("610403", "杨凌", "杨陵区", 0, "杨凌"),
            // 云南省楚雄彝族自治州楚雄市 (cx-2023-1): a county-level city, named 楚雄市…
            new Region("532301", "楚雄", "楚雄市", 0, "楚雄市"),
            // 黄石 (hs-2023-5), weight 0 like 莆田: NewDocumentsData moves a few enterprises there
            new Region("420202", "黄石", "黄石港区", 0),
            new Region("420203", "黄石", "西塞山区", 0),
            new Region("420204", "黄石", "下陆区", 0),
            new Region("420222", "黄石", "阳新县", 0),
            new Region("420281", "黄石", "大冶市", 0, "大冶市"),
            // 杭州市萧山区 (xs-2023-13), weight 0 like 楚雄/黄石
            new Region("330109", "杭州", "萧山区", 0, "杭州市萧山区"));

    private static final int TOTAL = ALL.stream().mapToInt(Region::weight).sum();

    private Regions() {
    }

    static Region pick(RandomGenerator r) {
        int x = r.nextInt(TOTAL);
        for (Region g : ALL) {
            x -= g.weight();
            if (x < 0) {
                return g;
            }
        }
        throw new AssertionError();
    }

    static Region byDistrict(String district) {
        return ALL.stream().filter(g -> g.district().equals(district)).findFirst().orElseThrow();
    }

    static List<Region> ofCity(String city) {
        return ALL.stream().filter(g -> g.city().equals(city)).toList();
    }
}
