package huiqi.web.batch;

/**
 * Waits for a queued batch run to finish and the worker to be idle again (two minutes at most): after a run is done
 * the worker still writes its wide table to the cache, which the next run or a test opening the cache reads.
 */
final class AwaitRun {
    private AwaitRun() {
    }

    static BatchRun await(BatchRunService service, BatchRunStore runs, long id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            BatchRun r = runs.find(id).orElseThrow();
            if (r.finished() && !service.busy()) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("运行 " + id + " 未在 2 分钟内结束");
    }
}
