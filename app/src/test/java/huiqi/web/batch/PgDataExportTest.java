package huiqi.web.batch;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The embedded PostgreSQL writes the export files itself (COPY … TO 'file'), byte for byte what streaming the same
 * rows through the connection writes: profiles with Chinese names and attributes, facts, items.
 */
@PlatformTest
class PgDataExportTest {
    @Autowired
    PgDataExport export;

    @TempDir
    Path dir;

    @Test
    void theFilePostgresWritesEqualsTheStreamedOne() throws Exception {
        String items = "SELECT i.uscc, i.kind, i.item_id, f.key AS field, f.value AS value "
                + "FROM enterprise_item i CROSS JOIN LATERAL jsonb_each_text(i.fields) f";
        for (String query : new String[] {export.profilesQuery(), export.factsQuery(null, null), items}) {
            Path server = dir.resolve("server.csv");
            Path streamed = dir.resolve("streamed.csv");
            long[] rows = export.inSnapshot(c -> new long[] {export.copyOut(c, query, server), PgDataExport.streamOut(c, query, streamed)});
            assertThat(export.writtenByServer()).as("the embedded PostgreSQL may write files on this machine").isTrue();
            assertThat(rows[0]).isEqualTo(rows[1]);
            assertThat(Files.readAllBytes(server)).as(query).isEqualTo(Files.readAllBytes(streamed));
        }
        assertThat(Files.readString(dir.resolve("server.csv"))).as("items of the demo data").isNotEmpty();
    }
}
