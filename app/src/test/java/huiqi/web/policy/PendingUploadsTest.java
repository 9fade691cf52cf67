package huiqi.web.policy;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.Multipart;
import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.web.files.OwnedFiles;
import huiqi.web.security.DemoAccounts;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An uploaded policy waiting for 保存 lives on disk under ${huiqi.data-dir}/uploads, not in the HTTP session;
 * each officer keeps at most 5; only its owner can save it (issue #15 item 6).
 */
@PlatformTest
class PendingUploadsTest {
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"");

    @LocalServerPort
    int port;
    @Autowired
    OwnedFiles files;

    private static String upload(WebSession s) throws IOException {
        byte[] text = Files.readAllBytes(Path.of("../policies/fz-2024-2/source.txt"));
        HttpResponse<String> r = s.send(new Multipart().file("file", "pending-test.txt", "text/plain", text)
                .post(s, "/policies/upload"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Matcher m = TOKEN.matcher(r.body());
        assertThat(m.find()).as("preview with a token").isTrue();
        return m.group(1);
    }

    @Test
    void aPendingUploadIsKeptOnDiskAtMostFivePerUserAndOnlyItsOwnerSavesIt() throws IOException {
        WebSession gongxin = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD).csrfFrom("/policies/upload");
        String first = upload(gongxin);
        assertThat(files.find(PendingUploads.AREA, "gongxin", first)).as("on disk").isPresent()
                .get().satisfies(e -> assertThat(Files.size(e.file("original"))).isPositive());
        for (int i = 0; i < 6; i++) {
            upload(gongxin);
        }
        assertThat(files.count(PendingUploads.AREA, "gongxin")).isEqualTo(5);
        assertThat(files.find(PendingUploads.AREA, "gongxin", first)).as("the oldest went first").isEmpty();

        String mine = upload(gongxin);
        WebSession caizheng = WebSession.login(port, "caizheng", DemoAccounts.PASSWORD).csrfFrom("/policies/upload");
        HttpResponse<String> stolen = caizheng.postForm("/policies/upload/save", Map.of("token", mine));
        assertThat(stolen.body()).contains("上传已过期");
        assertThat(files.find(PendingUploads.AREA, "gongxin", mine)).as("still there for its owner").isPresent();
        assertThat(gongxin.postForm("/policies/upload/save", Map.of("token", "../../etc/passwd")).body())
                .contains("上传已过期");
    }
}
