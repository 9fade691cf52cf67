package huiqi.web.policy;

import huiqi.web.files.OwnedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploaded policy files waiting for the officer's 保存: the parse (JSON) and the original bytes on disk under
 * {@code ${huiqi.data-dir}/uploads}, not in the session (a session holding 30 × 37 MB drafts exhausted the heap).
 * At most a few per user, expiring after a day ({@link OwnedFiles}).
 */
@Component
class PendingUploads {
    static final String AREA = "uploads";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OwnedFiles files;

    PendingUploads(OwnedFiles files) {
        this.files = files;
    }

    record Pending(DocumentDraft draft, String fileName, byte[] bytes) {
    }

    private record Meta(DocumentDraft draft, String fileName) {
    }

    /** Keeps the upload; returns the token the preview form sends back. */
    String put(String owner, DocumentDraft draft, String fileName, byte[] bytes) {
        OwnedFiles.Entry e = files.create(AREA, owner);
        try {
            Files.write(e.file("original"), bytes);
            JSON.writeValue(e.file("draft.json").toFile(), new Meta(draft, fileName));
        } catch (IOException ex) {
            files.remove(e);
            throw new UncheckedIOException("无法保存上传的文件", ex);
        }
        return e.token();
    }

    Optional<Pending> get(String owner, String token) {
        return files.find(AREA, owner, token).flatMap(e -> {
            try {
                Meta m = JSON.readValue(e.file("draft.json").toFile(), Meta.class);
                return Optional.of(new Pending(m.draft(), m.fileName(), Files.readAllBytes(e.file("original"))));
            } catch (IOException | RuntimeException ex) {
                return Optional.empty(); // half-written or damaged: as good as expired
            }
        });
    }

    void remove(String owner, String token) {
        files.find(AREA, owner, token).ifPresent(files::remove);
    }
}
