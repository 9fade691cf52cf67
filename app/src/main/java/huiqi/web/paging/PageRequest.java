package huiqi.web.paging;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One page of a long list as the URL asks for it: {@code page} (from 1), {@code size} and {@code sort} (a column
 * key, "-" in front for descending). Unknown sort keys fall back to the list's default, so a hand-edited URL
 * never reaches SQL: {@link #orderBy} only ever returns columns from the caller's whitelist.
 */
public record PageRequest(int page, int size, String sort) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    /** Reads the three URL parameters (any may be null) against the sort keys the list offers. */
    public static PageRequest of(Integer page, Integer size, String sort, List<String> sortable, String defaultSort) {
        int p = page == null || page < 1 ? 1 : page;
        int s = size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        String key = sort == null ? "" : sort.strip();
        String bare = key.startsWith("-") ? key.substring(1) : key;
        return new PageRequest(p, s, sortable.contains(bare) ? key : defaultSort);
    }

    public int offset() {
        return (page - 1) * size;
    }

    public boolean descending() {
        return sort != null && sort.startsWith("-");
    }

    /** The sort key without its direction. */
    public String sortKey() {
        return sort == null ? "" : descending() ? sort.substring(1) : sort;
    }

    /** "column desc, id desc" from the whitelist of key → SQL column; the tie-breaker keeps pages stable. */
    public String orderBy(Map<String, String> columns, String tieBreaker) {
        String column = columns.getOrDefault(sortKey(), tieBreaker);
        String direction = descending() ? " desc" : " asc";
        return column.equals(tieBreaker) ? column + direction : column + direction + ", " + tieBreaker + direction;
    }

    /** The same request on another page (a page past the end is clamped by {@link Paged}). */
    public PageRequest onPage(int other) {
        return new PageRequest(Math.max(1, other), size, sort);
    }

    /** Pages a list already held in memory (rows derived on the fly, such as 督查 statuses). */
    public <T> List<T> slice(List<T> all) {
        int from = Math.min(offset(), all.size());
        return all.subList(from, Math.min(from + size, all.size()));
    }

    /** Sorts an in-memory list by the requested key, with the comparators the list offers. */
    public <T> List<T> sorted(List<T> all, Map<String, Comparator<T>> comparators) {
        Comparator<T> c = comparators.get(sortKey());
        if (c == null) {
            return all;
        }
        return all.stream().sorted(descending() ? c.reversed() : c).toList();
    }
}
