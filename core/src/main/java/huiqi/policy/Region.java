package huiqi.policy;

/**
 * The administrative area a document applies to: 行政区划 code and name; for a county/district or a park,
 * also the city it belongs to. A park (园区) without a code of its own carries its city's code.
 */
public record Region(String code, String name, String parentCode, String parentName) {
}
