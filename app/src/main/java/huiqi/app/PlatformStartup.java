package huiqi.app;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * First-start work, in order: the policy library from policies/, the demo population and accounts (demo
 * mode only), the first administrator (the last step); then prints where the platform is and how to sign in.
 * Every step is idempotent, so a second start imports nothing twice.
 */
@Component
class PlatformStartup {
    private static final Logger log = LoggerFactory.getLogger(PlatformStartup.class);

    private final List<StartupStep> steps;
    private final boolean demo;

    PlatformStartup(List<StartupStep> steps, @Value("${huiqi.demo}") boolean demo) {
        this.steps = steps;
        this.demo = demo;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        List<String> notes = new ArrayList<>();
        for (StartupStep step : steps) {
            notes.addAll(step.run(demo));
        }
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                && web.getWebServer() != null ? web.getWebServer().getPort() : -1;
        StringBuilder banner = new StringBuilder("\n========================================================\n");
        banner.append(" 惠企政策服务平台已启动: http://localhost:").append(port).append("/\n");
        notes.forEach(n -> banner.append(" ").append(n).append('\n'));
        banner.append("========================================================");
        log.info(banner.toString());
    }
}
