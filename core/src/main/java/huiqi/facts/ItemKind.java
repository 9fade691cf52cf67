package huiqi.facts;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A kind of item an enterprise lists (贷款, 租赁合同, 合同, 项目…), declared under {@code items:} in indicators.yaml.
 * Every item of a kind has an id (its {@code key}, e.g. 贷款编号) and the declared fields; a field not given is
 * unknown for that item, never zero.
 *
 * @param id     name used in rules ({@code for l in loans …})
 * @param name   Chinese name (贷款)
 * @param key    Chinese name of the item id (贷款编号)
 * @param fields declared fields in order
 */
public record ItemKind(String id, String name, String key, String source, List<Field> fields) {
    /**
     * One field of an item.
     *
     * @param unit for numbers the unit as documents write it (元, 万元, "" for a ratio); null otherwise
     */
    public record Field(String id, String name, AttributeType type, String unit) { }

    public ItemKind {
        fields = List.copyOf(fields);
    }

    public Optional<Field> field(String fieldId) {
        return fields.stream().filter(f -> f.id().equals(fieldId)).findFirst();
    }

    /** The fields as "id 名称" for messages. */
    public String fieldList() {
        return fields.stream().map(f -> f.id() + "（" + f.name() + "）").collect(Collectors.joining("、"));
    }
}
