package huiqi.web.batch;

import huiqi.web.enterprise.DataVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a run keeps its enterprise × rule rows: one Parquet file per run, written by DuckDB when the run is stored
 * and read by DuckDB for the results table, the API and the export (issue 21 target 6: writing tens of millions of
 * rows into PostgreSQL was most of a run). A file appears only complete (written aside, then moved in place).
 * Its columns: {@link ResultFileLayout}.
 */
@Component
public class BatchResultFiles {
    private final Path root;

    /**
     * The files live in a directory of their own per database (V831's batch_data_instance): a recreated database numbers its runs
     * from 1 again and must not find the files of the old one. Files left half-written by a stopped platform go.
     */
    BatchResultFiles(@Value("${huiqi.batch.results-dir:${huiqi.data-dir}/batch-results}") String root,
                     DataVersion dataVersion) {
        this.root = Path.of(root).toAbsolutePath().resolve(dataVersion.instance());
        if (Files.isDirectory(this.root)) {
            try (Stream<Path> files = Files.list(this.root)) {
                for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".part")).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Run {@code id}'s file (it may not exist: a failed run, a run whose details were dropped, or an older run). */
    Path of(long id) {
        return root.resolve("run-" + id + ".parquet");
    }

    boolean exists(long id) {
        return Files.isRegularFile(of(id));
    }

    /** Where the file of run {@code id} is written before {@link #publish} moves it in place. */
    Path pending(long id) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root.resolve("run-" + id + ".parquet.part");
    }

    void publish(long id) {
        try {
            Files.move(pending(id), of(id), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the file of run {@code id} and any half-written one; returns whether there was a file. */
    boolean delete(long id) {
        try {
            Files.deleteIfExists(pending(id));
            return Files.deleteIfExists(of(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
