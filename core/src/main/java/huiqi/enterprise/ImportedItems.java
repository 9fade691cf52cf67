package huiqi.enterprise;

import huiqi.facts.Item;
import java.util.List;

/**
 * One enterprise's whole list of one kind of items from an import (possibly empty): it replaces the stored list of
 * that kind, since a list is given as a whole (a loan left out has been repaid, not forgotten).
 *
 * @param file / row where the list (its first row) was read, for messages
 */
public record ImportedItems(String uscc, String kind, List<Item> items, String file, int row) {
    public ImportedItems {
        items = List.copyOf(items);
    }
}
