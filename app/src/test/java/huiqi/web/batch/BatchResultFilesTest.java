package huiqi.web.batch;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.web.enterprise.DataVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A run's file is found only by the database that stored it; a half-written file does not outlive a restart. */
@PlatformTest
class BatchResultFilesTest {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataVersion dataVersion;
    @TempDir
    Path dir;

    @Test
    void aRecreatedDatabaseDoesNotReadTheOldDatabasesFileOfTheSameRunId() throws Exception {
        BatchResultFiles files = new BatchResultFiles(dir.toString(), dataVersion);
        Files.writeString(files.pending(1), "half");
        files.publish(1);
        assertThat(files.exists(1)).isTrue();

        String token = dataVersion.instance();
        try {
            // what a recreated database looks like to the files: another instance id (V831), run ids from 1 again
            jdbc.sql("update batch_data_instance set id = gen_random_uuid()").update();
            BatchResultFiles afterReset = new BatchResultFiles(dir.toString(), dataVersion);
            assertThat(afterReset.exists(1)).isFalse();
            assertThat(afterReset.of(1)).isNotEqualTo(files.of(1));
        } finally {
            jdbc.sql("update batch_data_instance set id = cast(? as uuid)").param(token).update();
        }
    }

    @Test
    void aHalfWrittenFileIsDeletedWhenThePlatformStarts() throws Exception {
        BatchResultFiles files = new BatchResultFiles(dir.toString(), dataVersion);
        Path part = files.pending(7);
        Files.writeString(part, "stopped mid-store");
        new BatchResultFiles(dir.toString(), dataVersion);
        assertThat(part).doesNotExist();
    }
}
