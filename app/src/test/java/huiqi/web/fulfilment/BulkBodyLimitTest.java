package huiqi.web.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.web.security.DemoAccounts;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A 10 MB bulk request is refused with 413 before it is parsed: API (known and unknown length) and page (issue #15 item 16). */
@PlatformTest
class BulkBodyLimitTest {
    private static final int TEN_MB = 10 * 1024 * 1024;

    @LocalServerPort
    int port;

    /** {"action":"审核通过","caseIds":[1,1,1,…]} of about 10 MB. */
    private static byte[] tenMegabytesOfIds() {
        StringBuilder b = new StringBuilder(TEN_MB + 64).append("{\"action\":\"审核通过\",\"caseIds\":[1");
        while (b.length() < TEN_MB) {
            b.append(",1");
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder apiPost(WebSession s) {
        return HttpRequest.newBuilder(URI.create(s.base() + "/api/v1/fulfilment/bulk"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("gongxin:" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private static void problem413(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("批量操作的请求体最大 128 KB").contains("最多 1000 件");
    }

    @Test
    void aTenMegabyteApiBodyIs413() {
        WebSession s = WebSession.anonymous(port);
        long start = System.nanoTime();
        problem413(s.send(apiPost(s).POST(HttpRequest.BodyPublishers.ofByteArray(tenMegabytesOfIds())).build()));
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms").isLessThan(5_000);
    }

    @Test
    void aTenMegabyteApiBodyOfUnknownLengthIsCutOffWhileRead() {
        WebSession s = WebSession.anonymous(port);
        byte[] body = tenMegabytesOfIds();
        // an InputStream publisher has no length: the request goes chunked, with no Content-Length to check up front
        problem413(s.send(apiPost(s).POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build()));
    }

    @Test
    void aTenMegabyteBulkFormIs413InChinese() {
        WebSession s = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD).csrfFrom("/fulfilment/queue");
        StringBuilder form = new StringBuilder(TEN_MB + 64).append("action=").append("%E5%AE%A1%E6%A0%B8%E9%80%9A%E8%BF%87")
                .append("&_csrf=").append(s.csrf());
        while (form.length() < TEN_MB) {
            form.append("&ids=1");
        }
        HttpResponse<String> r = s.send(HttpRequest.newBuilder(URI.create(s.base() + "/fulfilment/bulk"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.body()).contains("请求过大（413）").contains("批量操作的请求体最大 128 KB");
    }

    @Test
    void aBulkRequestOfTheAllowedSizeStillPasses() {
        WebSession s = WebSession.anonymous(port);
        StringBuilder ids = new StringBuilder("9999999999");
        for (int i = 1; i < 1000; i++) {
            ids.append(",").append(9_999_999_999L - i);
        }
        HttpResponse<String> r = s.send(apiPost(s).POST(HttpRequest.BodyPublishers.ofString(
                "{\"action\":\"审核通过\",\"caseIds\":[" + ids + "]}")).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"refused\":1000");
    }
}
