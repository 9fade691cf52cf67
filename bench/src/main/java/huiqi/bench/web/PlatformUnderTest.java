package huiqi.bench.web;

import huiqi.app.HuiqiApplication;
import huiqi.facts.IndicatorCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real platform, as ./huiqi serve starts it in demo mode (embedded PostgreSQL, Flyway, the policy library,
 * a generated demo population with accounts), but in a temporary data directory that is deleted afterwards.
 */
public final class PlatformUnderTest implements AutoCloseable {
    private final Path dataDir;
    private final ConfigurableApplicationContext context;
    private final int port;

    PlatformUnderTest(int enterprises) throws IOException {
        this(enterprises, Map.of());
    }

    /** {@code extra}: more application properties (they win over the defaults here). */
    public PlatformUnderTest(int enterprises, Map<String, String> extra) throws IOException {
        Path indicators = IndicatorCatalog.locate(Path.of("."));
        Path policies = indicators.getParent().resolve("policies");
        dataDir = Files.createTempDirectory("huiqi-webbench-");
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("huiqi.demo", "true");
        props.put("huiqi.data-dir", dataDir.toString());
        props.put("huiqi.db.clean", "true");
        props.put("huiqi.db.durable", "false"); // the page only reads; the directory is thrown away
        props.put("huiqi.indicators", indicators.toString());
        props.put("huiqi.policies-dir", policies.toString());
        props.put("huiqi.demo.enterprises", Integer.toString(enterprises));
        props.put("server.port", "0");
        props.put("spring.main.banner-mode", "off");
        props.put("logging.level.root", "WARN");
        props.put("logging.level.huiqi", "WARN");
        props.putAll(extra);
        // as command-line arguments: they must win over the app's application.properties (huiqi.demo=false)
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        context = new SpringApplicationBuilder(HuiqiApplication.class).run(args);
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String base() {
        return "http://localhost:" + port;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() throws IOException {
        context.close();
        try (Stream<Path> walk = Files.walk(dataDir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
