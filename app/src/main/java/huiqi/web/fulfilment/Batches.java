package huiqi.web.fulfilment;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Payment batch ids: PB-20240301-101500-4F2A. */
final class Batches {
    private Batches() {
    }

    static String newId() {
        return "PB-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + String.format("%04X", ThreadLocalRandom.current().nextInt(0x10000));
    }
}
