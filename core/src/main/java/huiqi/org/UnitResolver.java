package huiqi.org;

import huiqi.policy.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves a unit as a document writes it in the context of the government that issued the document, never by
 * guessing (docs/organisations.md):
 * <ol>
 *   <li>collective mentions: 各街镇 / 各乡镇人民政府 → that government's 街道乡镇; 各县（市）区人民政府 → the
 *       人民政府 of a city's districts and counties; 各市政府 in a province's document → its cities' 人民政府;</li>
 *   <li>an alias of a unit of the issuing government (区人社局, 人社局, 鼓楼区人社局 in a 鼓楼区 document);</li>
 *   <li>a 市… mention in a county or park document: the city's unit (市财政局); 省… the province's;</li>
 *   <li>a place-qualified alias (福州供电公司, 惠安人行) of a unit in the same city.</li>
 * </ol>
 * Anything else — no such alias, or more than one unit with it — is unresolved, with the reason.
 */
public final class UnitResolver {
    private static final Pattern SUBDISTRICTS = Pattern.compile(
            "^各(?:街镇|镇街|街道|乡镇|乡镇街道|镇（街道）|乡镇（街道）|街道（乡镇）|乡镇人民政府|街道办事处|乡镇人民政府（街道办事处）)$");
    private static final Pattern COUNTY_GOVERNMENTS = Pattern.compile(
            "^各(?:县（市）区|县（市、区）|县（区）|区县（市）|县（市、区、管委会）|县市区|县区|区县|区)(?:人民)?政府$");

    private static final Pattern CITY_GOVERNMENTS = Pattern.compile(
            "^各(?:设区的?市|设区市|市|市（州）|市州|市（地）|地市|市（地、州）)(?:人民)?政府$");

    private final UnitDirectory directory;

    public UnitResolver(UnitDirectory directory) {
        this.directory = directory;
    }

    /**
     * The government a rule file's {@code region:} prefix stands for when its document names no issuer the parser
     * recognises: the one directory government whose code is the prefix padded to six digits (the 人民政府 of that
     * division if a park shares the code); null when the directory has none.
     */
    public Government governmentOfRegion(String regionPrefix) {
        if (regionPrefix == null || !regionPrefix.matches("\\d{2,6}")) {
            return null;
        }
        String code = (regionPrefix + "000000").substring(0, 6);
        List<Government> same = directory.governments().stream().filter(g -> g.code().equals(code)).toList();
        return same.stream().filter(g -> g.level() != huiqi.policy.Level.PARK).findFirst()
                .orElse(same.size() == 1 ? same.get(0) : null);
    }

    public Resolution resolve(String mention, Government issuer) {
        String m = Spellings.normalize(mention);
        if (m.isEmpty()) {
            return Resolution.unresolved(mention, "单位名称为空");
        }
        if (issuer == null) {
            return Resolution.unresolved(mention, "文件的发文政府未识别，无法确定单位");
        }
        if (SUBDISTRICTS.matcher(m).matches()) {
            List<String> ids = directory.in(issuer).stream().filter(u -> u.type() == UnitType.SUBDISTRICT)
                    .map(OrgUnit::id).toList();
            return ids.isEmpty() ? Resolution.unresolved(mention, "组织目录中没有" + issuer.name() + "的街道乡镇")
                    : Resolution.members(mention, ids);
        }
        if (COUNTY_GOVERNMENTS.matcher(m).matches()) {
            if (issuer.level() != Level.CITY) {
                return Resolution.unresolved(mention, issuer.name() + "不是设区的市，无下辖县（市）区");
            }
            List<String> ids = directory.units().stream()
                    .filter(u -> u.type() == UnitType.GOVERNMENT && u.government().level() == Level.COUNTY
                            && u.government().parent().map(p -> p.key().equals(issuer.key())).orElse(false))
                    .map(OrgUnit::id).toList();
            return ids.isEmpty() ? Resolution.unresolved(mention, "组织目录中没有" + issuer.name() + "下辖县（市）区的人民政府")
                    : Resolution.members(mention, ids);
        }
        if (CITY_GOVERNMENTS.matcher(m).matches()) {
            if (issuer.level() != Level.PROVINCE) {
                return Resolution.unresolved(mention, issuer.name() + "不是省级政府，无下辖的市");
            }
            List<String> ids = directory.units().stream()
                    .filter(u -> u.type() == UnitType.GOVERNMENT && u.government().level() == Level.CITY
                            && u.government().parent().map(p -> p.key().equals(issuer.key())).orElse(false))
                    .map(OrgUnit::id).toList();
            return ids.isEmpty() ? Resolution.unresolved(mention, "组织目录中没有" + issuer.name() + "下辖市的人民政府")
                    : Resolution.members(mention, ids);
        }
        for (Government g : governmentsToSearch(m, issuer)) {
            Optional<Resolution> r = pick(mention, directory.named(g, m), g.name());
            if (r.isPresent()) {
                return r.get();
            }
        }
        Government city = UnitDirectory.cityOf(issuer);
        List<OrgUnit> nearby = new ArrayList<>();
        List<OrgUnit> candidates = new ArrayList<>();
        for (Government g : directory.governments()) {
            if (!UnitDirectory.cityOf(g).key().equals(city.key())) {
                continue;
            }
            for (OrgUnit u : directory.named(g, m)) {
                (Spellings.placeQualified(m, places(u.government())) ? nearby : candidates).add(u);
            }
        }
        String hint = candidates.isEmpty() ? ""
                : "（同名单位：" + String.join("、", candidates.stream().map(OrgUnit::name).toList()) + "，请人工确认）";
        return pick(mention, nearby, city.name())
                .orElse(Resolution.unresolved(mention, "组织目录中没有" + issuer.name() + "发文可指的该单位" + hint));
    }

    /** The issuer, then for 市… in a county or park document its city, for 省… the province. */
    private static List<Government> governmentsToSearch(String m, Government issuer) {
        List<Government> out = new ArrayList<>();
        out.add(issuer);
        Government up = issuer;
        while ((up = up.parent().orElse(null)) != null) {
            boolean cityPrefix = m.startsWith("市") && up.level() == Level.CITY && !issuer.ownPrefix().equals("市");
            boolean provincePrefix = m.startsWith("省") && up.level() == Level.PROVINCE;
            if (cityPrefix || provincePrefix) {
                out.add(up);
            }
            if (up.level() == Level.PROVINCE) {
                break;
            }
        }
        return out;
    }

    private static Optional<Resolution> pick(String mention, List<OrgUnit> found, String where) {
        List<OrgUnit> distinct = found.stream().distinct().toList();
        if (distinct.size() == 1) {
            return Optional.of(Resolution.unit(mention, distinct.get(0).id()));
        }
        if (distinct.size() > 1) {
            return Optional.of(Resolution.unresolved(mention, where + "有" + distinct.size() + "个单位都称为“" + mention
                    + "”：" + String.join("、", distinct.stream().map(OrgUnit::name).toList())));
        }
        return Optional.empty();
    }

    private static List<String> places(Government g) {
        List<String> out = new ArrayList<>(List.of(g.name(), g.placeShort()));
        g.parent().ifPresent(p -> {
            out.add(p.name());
            out.add(p.placeShort());
        });
        return out.stream().filter(Objects::nonNull).toList();
    }
}
