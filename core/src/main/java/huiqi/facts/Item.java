package huiqi.facts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One listed item of an enterprise (a loan, a lease…): its id within the kind and its known field values
 * (BigDecimal in base units, LocalDate, String or Boolean). A field that is absent is unknown.
 */
public record Item(String kind, String id, Map<String, Object> fields) {
    public Item {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Object get(String field) {
        return fields.get(field);
    }
}
