package huiqi.web.matching;

import huiqi.web.security.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.unbescape.html.HtmlEscape;
import org.unbescape.uri.UriEscape;

/**
 * The whole 一企一策 page (layout and content) rendered once per kept page and role through the normal Thymeleaf
 * view, with markers in place of what belongs to the viewer: name, role label, own enterprise code (menu links)
 * and CSRF token. A request fills the markers with its own values, escaped as Thymeleaf would, and writes the bytes.
 * The layout depends on the viewer only through the role (the menu) and those values; the content only through
 * officer / enterprise (PolicyContent). Issue 21 target 5: the layout was most of a kept page's request.
 */
@Component
class WholePolicyPage {
    private static final String TEMPLATE = "enterprises/policy";
    static final String NAME = "n";
    static final String ROLE_LABEL = "r";
    static final String USCC = "u";
    static final String CSRF = "c";

    private final ThymeleafViewResolver views;
    private final PolicyContent content;
    /** Secret per process: no enterprise name or other text can contain it by chance or on purpose. */
    private final String marker = "hq" + HexFormat.of().formatHex(randomBytes(12)) + "x";

    WholePolicyPage(ThymeleafViewResolver views, PolicyContent content) {
        this.views = views;
        this.content = content;
    }

    /** Writes the page of {@code shown} for the request's viewer. */
    void write(PolicyPages.Shown shown, Viewer viewer, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (token == null || !viewer.authenticated()) {
            // not a signed-in browser view (no token to place): render as it is, nothing kept
            Rendered once = render(shown, viewer, request, response, request);
            send(once.html().getBytes(once.charset()), once, response);
            return;
        }
        Kept kept = shown.pages().computeIfAbsent(viewer.role().name(), role -> keep(shown, viewer, token, request, response));
        Map<String, String> values = new LinkedHashMap<>();
        values.put(NAME, text(viewer.displayName()));
        values.put(ROLE_LABEL, text(viewer.roleLabel()));
        values.put(USCC, viewer.uscc() == null ? "" : text(UriEscape.escapeUriPathSegment(viewer.uscc())));
        values.put(CSRF, text(token.getToken()));
        send(kept.page().fill(values), kept.rendered(), response);
    }

    /** One page with markers, rendered as a viewer of this role would get it. */
    private Kept keep(PolicyPages.Shown shown, Viewer viewer, CsrfToken token, HttpServletRequest request,
                      HttpServletResponse response) {
        Viewer marked = new Viewer(true, viewer.role(), marker + ROLE_LABEL, marker + NAME, marker + USCC);
        CsrfToken markedToken = new DefaultCsrfToken(token.getHeaderName(), token.getParameterName(), marker + CSRF);
        HttpServletRequest masked = new HttpServletRequestWrapper(request) {
            @Override
            public Object getAttribute(String name) {
                if (name.equals(CsrfToken.class.getName()) || name.equals(token.getParameterName())) {
                    return markedToken;
                }
                if (name.equals("viewer")) {
                    return marked;
                }
                return super.getAttribute(name);
            }
        };
        try {
            Rendered r = render(shown, viewer, request, response, masked);
            return new Kept(SlottedPage.cut(r.html(), marker, NAME + ROLE_LABEL + USCC + CSRF), r);
        } catch (Exception e) {
            throw new IllegalStateException("一企一策页面渲染失败", e);
        }
    }

    /** The page through the view Spring MVC would use, into a string (the real response is not touched). */
    private Rendered render(PolicyPages.Shown shown, Viewer viewer, HttpServletRequest request,
                            HttpServletResponse response, HttpServletRequest viewRequest) throws Exception {
        View view = views.resolveViewName(TEMPLATE, RequestContextUtils.getLocale(request));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("e", shown.profile());
        model.put("policyContent", content.html(shown, viewer, request, response));
        Capture capture = new Capture(response);
        view.render(model, viewRequest, capture);
        capture.writer.flush();
        return new Rendered(capture.text.toString(), capture.contentType, capture.locale,
                capture.characterEncoding == null ? "UTF-8" : capture.characterEncoding);
    }

    private static void send(byte[] body, Rendered how, HttpServletResponse response) throws IOException {
        if (how.locale() != null) {
            response.setLocale(how.locale());
        }
        if (how.contentType() != null) {
            response.setContentType(how.contentType());
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String text(String value) {
        return value == null ? "" : HtmlEscape.escapeHtml4Xml(value);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    /** The marker prefix of this process (tests: it must never reach a browser). */
    String marker() {
        return marker;
    }

    /** A page with markers and how it was sent (content type, locale). */
    record Kept(SlottedPage page, Rendered rendered) {
    }

    record Rendered(String html, String contentType, Locale locale, String charset) {
    }

    /** Takes what the view writes and the headers it sets, leaving the real response untouched. */
    private static final class Capture extends HttpServletResponseWrapper {
        final StringWriter text = new StringWriter(64 * 1024);
        final PrintWriter writer = new PrintWriter(text);
        String contentType;
        String characterEncoding;
        Locale locale;

        Capture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public jakarta.servlet.ServletOutputStream getOutputStream() {
            throw new IllegalStateException("the page is rendered as text");
        }

        @Override
        public void setContentType(String type) {
            contentType = type;
        }

        @Override
        public void setCharacterEncoding(String charset) {
            characterEncoding = charset;
        }

        @Override
        public void setLocale(Locale l) {
            locale = l;
        }

        @Override
        public void setContentLength(int len) {
        }

        @Override
        public void setContentLengthLong(long len) {
        }

        @Override
        public void flushBuffer() {
        }
    }
}
