package huiqi.web.fulfilment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** Files in and out of the 兑现 pages and API: uploaded application attachments, .xlsx downloads. */
final class Downloads {
    private Downloads() {
    }

    static ResponseEntity<byte[]> xlsx(String name, byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(MediaType.parseMediaType(Spreadsheets.MEDIA_TYPE)).body(body);
    }

    /** An attachment as a download (never rendered inline: it is whatever the enterprise uploaded). */
    static ResponseEntity<byte[]> attachment(Applications.Attachment a) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                        .filename(a.fileName() == null ? "attachment" : a.fileName(), StandardCharsets.UTF_8)
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(a.content());
    }

    static List<Applications.Attachment> attachments(List<MultipartFile> files) {
        List<Applications.Attachment> out = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                try {
                    out.add(new Applications.Attachment(f.getOriginalFilename(), f.getContentType(), f.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }
}
