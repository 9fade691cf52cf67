package huiqi.web.errors;

import huiqi.app.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows every same-site link a signed-in user is shown, breadth first from the home page, as a browser would
 * (Accept: text/html), and lists what a user must never meet: a server error, a raw JSON body instead of a page, a
 * 403 or 404 behind a link that was shown, or a bounce to the sign-in page. Links are grouped by shape (numbers and
 * codes in the path, query parameter names) and a few of each shape are followed, so a list of 400 enterprises does
 * not use up the budget that the other modules need.
 */
final class LinkCrawler {
    private static final Pattern HREF = Pattern.compile("<a\\b[^>]*?\\bhref=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final int PER_SHAPE = 3;

    record Visit(String path, String from, int status) {
    }

    record Result(List<Visit> visited, List<String> problems) {
    }

    private final WebSession session;
    private final int maxPages;
    private final boolean enterprise;

    LinkCrawler(WebSession session, int maxPages) {
        this(session, maxPages, false);
    }

    /** {@code enterprise}: also refuse English words and internal ids in the text of every page (#19 item 5). */
    LinkCrawler(WebSession session, int maxPages, boolean enterprise) {
        this.session = session;
        this.maxPages = maxPages;
        this.enterprise = enterprise;
    }

    Result crawl(String start) {
        Deque<String[]> queue = new ArrayDeque<>(); // {path, from}
        Set<String> seen = new HashSet<>();
        Map<String, Integer> shapes = new HashMap<>();
        List<Visit> visited = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        queue.add(new String[] {start, "(首页)"});
        seen.add(start);
        while (!queue.isEmpty() && visited.size() < maxPages) {
            String[] next = queue.poll();
            String path = next[0];
            String from = next[1];
            HttpResponse<String> r = get(path);
            int redirects = 0;
            String at = path;
            while (r.statusCode() / 100 == 3 && redirects++ < 3) {
                String location = r.headers().firstValue("Location").orElse("");
                URI to = URI.create(session.base() + at).resolve(location);
                if (!to.getAuthority().equals(URI.create(session.base()).getAuthority())) {
                    break;
                }
                at = to.getRawPath() + (to.getRawQuery() == null ? "" : "?" + to.getRawQuery());
                if (at.startsWith("/login")) {
                    problems.add(path + "（来自 " + from + "）跳转到登录页");
                    break;
                }
                r = get(at);
            }
            visited.add(new Visit(path, from, r.statusCode()));
            String type = r.headers().firstValue("Content-Type").orElse("");
            String body = r.body() == null ? "" : r.body();
            if (r.statusCode() >= 500) {
                problems.add(path + "（来自 " + from + "）→ " + r.statusCode());
            } else if (r.statusCode() == 403 || r.statusCode() == 404) {
                problems.add(path + "（来自 " + from + "）→ " + r.statusCode() + "：显示了不能访问的链接");
            }
            if (type.contains("json") || body.stripLeading().startsWith("{")) {
                problems.add(path + "（来自 " + from + "）→ 页面请求得到 JSON：" + abbreviate(body));
            }
            if (!type.startsWith("text/html")) {
                continue; // a download: checked, not parsed
            }
            if (enterprise) {
                for (String word : notForEnterprises(body)) {
                    problems.add(path + "（来自 " + from + "）企业页面显示了英文或内部编号：" + word);
                }
            }
            for (String link : links(body, at)) {
                if (seen.add(link) && shapes.merge(shape(link), 1, Integer::sum) <= PER_SHAPE) {
                    queue.add(new String[] {link, path});
                }
            }
        }
        return new Result(visited, problems);
    }

    private HttpResponse<String> get(String path) {
        return session.send(HttpRequest.newBuilder(URI.create(session.base() + path))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET().build());
    }

    /** Same-site links of a page, as paths with their query; sign-out, anchors and scripts left out. */
    static Set<String> links(String html, String pagePath) {
        Set<String> out = new TreeSet<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            String href = m.group(1).replace("&amp;", "&").strip();
            if (href.isEmpty() || href.startsWith("#") || href.startsWith("javascript:") || href.startsWith("mailto:")
                    || href.startsWith("data:")) {
                continue;
            }
            URI uri;
            try {
                uri = URI.create("http://site" + pagePath).resolve(href.replace(" ", "%20"));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (!"site".equals(uri.getHost())) {
                continue;
            }
            String path = uri.getRawPath();
            if (path == null || path.isEmpty() || path.startsWith("/logout") || path.startsWith("/login")
                    || path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")) {
                continue;
            }
            out.add(path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        }
        return out;
    }

    /** /enterprises/91350…/profile?year=2024 → /enterprises/*&#47;profile?year */
    static String shape(String link) {
        int q = link.indexOf('?');
        String path = q < 0 ? link : link.substring(0, q);
        StringBuilder s = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            s.append('/').append(segment.matches(".*\\d.*") || segment.contains("%") ? "*" : segment);
        }
        if (q >= 0) {
            Set<String> names = new TreeSet<>();
            for (String pair : link.substring(q + 1).split("&")) {
                names.add(pair.split("=", 2)[0]);
            }
            s.append('?').append(String.join("&", names));
        }
        return s.toString();
    }

    /** Words an enterprise understands although they are Latin letters. */
    private static final Set<String> ALLOWED = Set.of("PDF", "CSV", "XLSX", "Excel", "GB", "T", "API");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z_]{1,}");
    /** A rule id (fz-2024-2/7), a stored period (2024-01-10..2024-03-31), a stored quarter (2024-Q1). */
    private static final Pattern ID = Pattern.compile("(?<![A-Za-z])[a-z]{2}-\\d{4}-\\d+/\\d+|\\d{4}-\\d{2}(-\\d{2})?\\.\\.\\d{4}|(?<!\\d)\\d{4}-Q[1-4]");

    /** English words and internal ids in what a page shows (its text, not its markup, scripts or attributes). */
    static Set<String> notForEnterprises(String html) {
        String main = html.replaceAll("(?is)<(script|style|head)\\b.*?</\\1>", " ")
                .replaceAll("(?s)<!--.*?-->", " ").replaceAll("(?s)<[^>]*>", " ")
                .replace("&nbsp;", " ").replaceAll("&[a-zA-Z#0-9]+;", " ")
                .replaceAll("(?<![0-9A-Z])[0-9A-Z]{18}(?![0-9A-Z])", " ") // 统一社会信用代码: the enterprise's own code is fine
                .replaceAll("[\\w.-]*\\.(?i:csv|xlsx|pdf)(?![A-Za-z])", " "); // the name of a file someone uploaded, as they named it
        Set<String> out = new TreeSet<>();
        Matcher m = WORD.matcher(main);
        while (m.find()) {
            if (!ALLOWED.contains(m.group())) {
                out.add(m.group());
            }
        }
        Matcher id = ID.matcher(main);
        while (id.find()) {
            out.add(id.group());
        }
        return out;
    }

    private static String abbreviate(String body) {
        String one = body.replaceAll("\\s+", " ");
        return one.length() > 120 ? one.substring(0, 120) + "…" : one;
    }
}
