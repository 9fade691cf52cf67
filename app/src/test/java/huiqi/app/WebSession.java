package huiqi.app;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP session against the running test server: cookies, CSRF token, form login. */
public final class WebSession {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrf;

    private WebSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static WebSession anonymous(int port) {
        return new WebSession(port);
    }

    public static WebSession login(int port, String username, String password) {
        WebSession s = new WebSession(port);
        HttpResponse<String> page = s.get("/login");
        s.csrf = find(CSRF, page.body());
        HttpResponse<String> r = s.postForm("/login", Map.of("username", username, "password", password));
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new AssertionError("登录失败: " + username + " → " + r.statusCode() + " " + location);
        }
        // the home page may redirect (企业 → 一企一策, 督查室 → 督查看板): follow it to read the new token
        String home = s.getFollow("/").body();
        s.csrf = find(CSRF_META, home) != null ? find(CSRF_META, home) : s.csrf;
        return s;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** GET that follows one redirect (e.g. the enterprise home). */
    public HttpResponse<String> getFollow(String path) {
        HttpResponse<String> r = get(path);
        if (r.statusCode() == 302) {
            String loc = r.headers().firstValue("Location").orElseThrow();
            return get(loc.startsWith("http") ? URI.create(loc).getPath() : loc);
        }
        return r;
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        if (csrf != null) {
            body = body + (body.isEmpty() ? "" : "&") + "_csrf=" + enc(csrf);
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Takes the CSRF token from a page's meta tag (after login the token changes; "/" may only redirect). */
    public WebSession csrfFrom(String path) {
        String token = find(CSRF_META, get(path).body());
        if (token != null) {
            csrf = token;
        }
        return this;
    }

    /** GET returning the raw body (downloads such as .xlsx). */
    public HttpResponse<byte[]> sendBytes(String path) {
        return sendBytes(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** A request whose response body is binary (e.g. an .xlsx download). */
    public HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String csrf() {
        return csrf;
    }

    public String base() {
        return base;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String find(Pattern p, String body) {
        Matcher m = p.matcher(body);
        return m.find() ? m.group(1) : null;
    }
}
