package huiqi.web.batch;

/** Waits for a queued batch run to finish (two minutes at most). */
final class AwaitRun {
    private AwaitRun() {
    }

    static BatchRun await(BatchRunStore runs, long id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            BatchRun r = runs.find(id).orElseThrow();
            if (r.finished()) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("运行 " + id + " 未在 2 分钟内结束");
    }
}
