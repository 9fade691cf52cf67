package huiqi.web.supervision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the task list and dashboard offer to filter by, from the tasks a user may see: the canonical directory
 * units grouped by their government (value = unit id), the spellings of mentions the directory has not resolved
 * (a group of their own, value = the spelling), and the governments ("350102|鼓楼区" → 鼓楼区).
 */
record FilterChoices(List<UnitGroup> unitGroups, Map<String, String> governments) {

    static final String UNRESOLVED_GROUP = "未解析的单位";

    record Option(String value, String label) {
    }

    record UnitGroup(String government, List<Option> units) {
    }

    static FilterChoices of(List<TaskView> visible) {
        Map<String, String> governments = new TreeMap<>();
        Map<String, Map<String, String>> unitsByGovernment = new TreeMap<>();
        Map<String, String> unresolved = new TreeMap<>();
        for (TaskView v : visible) {
            TaskRecord t = v.task();
            if (t.governmentKey() != null) {
                governments.putIfAbsent(t.governmentKey(), t.governmentName());
            }
            if (t.unitId() != null) {
                String government = t.resolved().governmentKey() == null ? "" : t.resolved().governmentKey();
                unitsByGovernment.computeIfAbsent(government, k -> new TreeMap<>())
                        .putIfAbsent(t.unitId(), t.resolved().name());
            } else {
                unresolved.putIfAbsent(t.unit(), t.unit());
            }
        }
        List<UnitGroup> groups = new ArrayList<>();
        unitsByGovernment.forEach((key, units) -> groups.add(new UnitGroup(governments.getOrDefault(key, key),
                units.entrySet().stream().map(e -> new Option(e.getKey(), e.getValue()))
                        .sorted(Comparator.comparing(Option::label)).toList())));
        if (!unresolved.isEmpty()) {
            groups.add(new UnitGroup(UNRESOLVED_GROUP,
                    unresolved.keySet().stream().map(s -> new Option(s, s)).toList()));
        }
        return new FilterChoices(List.copyOf(groups), new LinkedHashMap<>(governments));
    }
}
