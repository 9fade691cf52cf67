package huiqi.web.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pending files expire after their time to live: not found any more, deleted by the sweep and at start-up. */
class OwnedFilesTest {
    @TempDir
    Path dataDir;

    @Test
    void entriesExpireAndAreSweptAtStartAndOnSchedule() throws IOException {
        OwnedFiles files = new OwnedFiles(dataDir, 5, 24);
        OwnedFiles.Entry old = files.create("uploads", "gongxin");
        OwnedFiles.Entry fresh = files.create("uploads", "gongxin");
        Files.writeString(old.file("original"), "x");
        Files.setLastModifiedTime(old.dir(), FileTime.from(Instant.now().minus(Duration.ofHours(25))));

        assertThat(files.find("uploads", "gongxin", old.token())).as("expired").isEmpty();
        assertThat(files.find("uploads", "gongxin", fresh.token())).isPresent();
        assertThat(files.find("uploads", "caizheng", fresh.token())).as("someone else's").isEmpty();

        files.sweep();
        assertThat(old.dir()).doesNotExist();
        assertThat(fresh.dir()).exists();

        Files.setLastModifiedTime(fresh.dir(), FileTime.from(Instant.now().minus(Duration.ofDays(3))));
        new OwnedFiles(dataDir, 5, 24); // a restart sweeps as well
        assertThat(fresh.dir()).doesNotExist();
    }

    @Test
    void aTokenIsNeverAPath() {
        OwnedFiles files = new OwnedFiles(dataDir, 5, 24);
        assertThat(files.find("uploads", "gongxin", "../../etc")).isEmpty();
        assertThat(files.find("uploads", "gongxin", null)).isEmpty();
    }

    @Test
    void fileNamesAreShortenedKeepingTheExtension() {
        String name = FileNames.clean("C:\\dir\\" + "名".repeat(300) + ".docx", "附件");
        assertThat(name).hasSize(FileNames.MAX).endsWith(".docx").doesNotContain("\\");
        assertThat(FileNames.clean("/", "附件")).isEqualTo("附件");
        assertThat(FileNames.clean("a\r\nb\".txt", "x")).isEqualTo("a__b_.txt");
    }
}
