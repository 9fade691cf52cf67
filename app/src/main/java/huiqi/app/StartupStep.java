package huiqi.app;

import java.util.List;

/**
 * One idempotent piece of first-start work (seed policies, demo data…). Steps run in @Order; each returns
 * lines to print in the startup banner.
 */
public interface StartupStep {
    List<String> run(boolean demo);
}
