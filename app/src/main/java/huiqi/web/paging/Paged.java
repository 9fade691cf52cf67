package huiqi.web.paging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of rows with the total that matches the filter, and the links of fragments/paging.html: every link
 * keeps the list's filters (they live in the URL), the sort and the page size.
 */
public record Paged<T>(List<T> rows, long total, PageRequest request, String path, Map<String, String> filters) {

    public static <T> Paged<T> of(List<T> rows, long total, PageRequest request, String path, Map<String, ?> filters) {
        Map<String, String> kept = new LinkedHashMap<>();
        filters.forEach((k, v) -> {
            if (v != null && !v.toString().isBlank()) {
                kept.put(k, v.toString());
            }
        });
        return new Paged<>(rows, total, request, path, kept);
    }

    /** Pages a list held in memory: sorts nothing, slices the requested page. */
    public static <T> Paged<T> ofAll(List<T> all, PageRequest request, String path, Map<String, ?> filters) {
        return of(request.slice(all), all.size(), request, path, filters);
    }

    public int page() {
        return request.page();
    }

    public int pages() {
        return (int) Math.max(1, (total + request.size() - 1) / request.size());
    }

    public boolean hasPrevious() {
        return page() > 1;
    }

    public boolean hasNext() {
        return page() < pages();
    }

    public long firstRow() {
        return rows.isEmpty() ? 0 : request.offset() + 1L;
    }

    public long lastRow() {
        return request.offset() + (long) rows.size();
    }

    /** Page numbers to show: the first, the last and two either side of the current one; 0 marks a gap. */
    public List<Integer> window() {
        int last = pages();
        List<Integer> near = IntStream.rangeClosed(1, last)
                .filter(n -> n == 1 || n == last || Math.abs(n - page()) <= 2).boxed().toList();
        List<Integer> out = new ArrayList<>();
        for (int n : near) {
            if (!out.isEmpty() && n - out.get(out.size() - 1) > 1) {
                out.add(0);
            }
            out.add(n);
        }
        return out;
    }

    public String url(int page) {
        return link(page, request.sort());
    }

    /** The header link of a sortable column: ascending first, descending when it is already ascending. */
    public String sortUrl(String key) {
        String next = key.equals(request.sortKey()) && !request.descending() ? "-" + key : key;
        return link(1, next);
    }

    /** "▲" / "▼" on the column the list is sorted by. */
    public String sortMark(String key) {
        return key.equals(request.sortKey()) ? (request.descending() ? " ▼" : " ▲") : "";
    }

    private String link(int page, String sort) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        filters.forEach(b::queryParam);
        if (sort != null && !sort.isBlank()) {
            b.queryParam("sort", sort);
        }
        if (request.size() != PageRequest.DEFAULT_SIZE) {
            b.queryParam("size", request.size());
        }
        if (page > 1) {
            b.queryParam("page", page);
        }
        return b.encode().build().toUriString();
    }
}
