package huiqi.web.batch;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.web.security.DemoAccounts;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The batch-run queue is bounded (issue #15, item 16): a burst of starts queues at most
 * {@code huiqi.batch.max-pending} (5) runs; the rest are refused at once with a Chinese message.
 */
@PlatformTest
class BatchRunQueueTest {
    static final int BURST = 30;

    @LocalServerPort int port;
    @Autowired BatchRunStore runs;

    @Test
    void aBurstOfStartsIsRefusedBeyondTheQueueLimitNotQueuedWithoutEnd() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            calls.add(pool.submit(() -> start()));
        }
        List<Long> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Future<HttpResponse<String>> f : calls) {
            HttpResponse<String> r = f.get();
            if (r.statusCode() == 202) {
                accepted.add(Long.parseLong(r.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1")));
            } else {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
                refused.add(r.body());
            }
        }
        pool.shutdown();
        assertThat(refused).as("a burst of %d starts", BURST).isNotEmpty();
        assertThat(refused).allSatisfy(b -> assertThat(b).contains("批量运行在排队或运行"));
        assertThat(accepted.size()).isLessThan(BURST);
        // the accepted ones all finish (and free the queue for the next tests)
        long deadline = System.currentTimeMillis() + 300_000;
        for (long id : accepted) {
            while (!runs.find(id).orElseThrow().finished()) {
                assertThat(System.currentTimeMillis()).as("run %d finishes", id).isLessThan(deadline);
                Thread.sleep(200);
            }
        }
        HttpResponse<String> again = start();
        assertThat(again.statusCode()).as("room again once the queue drained").isEqualTo(202);
        long last = Long.parseLong(again.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        while (!runs.find(last).orElseThrow().finished()) {
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> start() {
        WebSession s = WebSession.anonymous(port);
        return s.send(HttpRequest.newBuilder(URI.create(s.base() + "/api/v1/batch-runs"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("gongxin:" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"docId\":\"fz-2024-2\",\"asOf\":\"2024-03-01\"}", StandardCharsets.UTF_8))
                .build());
    }
}
