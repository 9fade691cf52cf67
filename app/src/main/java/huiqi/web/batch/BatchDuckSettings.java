package huiqi.web.batch;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The DuckDB limits of the platform's batch work, stated once: the run itself (BatchRunService) and the merge of a
 * data delta (BatchDataCache) use the same memory limit and thread count.
 */
@Component
class BatchDuckSettings {
    private final String memoryLimit;
    private final int threads;

    BatchDuckSettings(@Value("${huiqi.batch.memory-limit:2GB}") String memoryLimit,
                      @Value("${huiqi.batch.threads:1}") int threads) {
        this.memoryLimit = memoryLimit;
        this.threads = threads;
    }

    String memoryLimit() {
        return memoryLimit;
    }

    int threads() {
        return threads;
    }
}
