package huiqi.testdata;

import java.util.List;
import java.util.random.RandomGenerator;

/** GB/T 4754-2017 classes typical of 福州/泉州 enterprises, with rough weights and a word for the name. */
final class Industries {
    record Industry(String code, String word, int weight) {
        boolean manufacturing() {
            return code.charAt(0) == 'C';
        }

        char section() {
            return code.charAt(0);
        }
    }

    static final List<Industry> ALL = List.of(
            new Industry("C1951", "鞋业", 5), new Industry("C1811", "服装", 4), new Industry("C1752", "纺织", 3),
            new Industry("C3841", "新能源", 2), new Industry("C3311", "钢结构", 2), new Industry("C2927", "塑胶", 2),
            new Industry("C3670", "汽车配件", 2), new Industry("C3039", "建材", 3), new Industry("C2231", "纸品", 1),
            new Industry("C1391", "食品", 2), new Industry("C3985", "电子材料", 2), new Industry("C2438", "工艺品", 2),
            new Industry("C3099", "石材", 2),
            new Industry("F5137", "贸易", 10), new Industry("F5211", "百货", 5), new Industry("F5261", "汽车销售", 2),
            new Industry("F5123", "茶叶", 3),
            new Industry("H6210", "餐饮", 5), new Industry("H6110", "酒店", 2),
            new Industry("E4710", "建设工程", 4), new Industry("E4813", "路桥工程", 2),
            new Industry("I6513", "软件", 6), new Industry("I6450", "网络科技", 3),
            new Industry("L7212", "投资", 4), new Industry("M7320", "技术研究", 2), new Industry("K7010", "置业", 3),
            new Industry("O8010", "家政服务", 2), new Industry("L7291", "旅行社", 1), new Industry("G5430", "物流", 4),
            new Industry("A0411", "水产", 2),
            // weight 0: never drawn (the 福州/泉州 mix stays as it was); NewDocumentsData gives it to 杨凌 retailers
            new Industry("F5292", "电子商务", 0));

    private static final int TOTAL = ALL.stream().mapToInt(Industry::weight).sum();

    private Industries() {
    }

    static Industry pick(RandomGenerator r) {
        int x = r.nextInt(TOTAL);
        for (Industry i : ALL) {
            x -= i.weight();
            if (x < 0) {
                return i;
            }
        }
        throw new AssertionError();
    }

    static Industry manufacturing(RandomGenerator r) {
        Industry i;
        do {
            i = pick(r);
        } while (!i.manufacturing());
        return i;
    }

    static Industry of(String code) {
        return ALL.stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }
}
