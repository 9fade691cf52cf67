package huiqi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieServices;
import org.kie.api.builder.KieFileSystem;
import org.slf4j.LoggerFactory;

/**
 * The tuned Drools way is what it claims: its DRL has no eval(), it compiles to the executable model without a
 * warning, and building and firing it logs no MVEL "Exception jitting" and no eval warning — while the naive way,
 * run the same way on the same firms, logs its eval warnings (so the log check can fail).
 */
class TunedDroolsTest {
    @TempDir
    Path cache;

    @Test
    void theTunedDrlHasNoEval() throws IOException {
        for (String name : TunedDroolsWay.DRL) {
            String code = withoutComments(read(TunedDroolsWay.DIR + name));
            assertThat(code).as(name).contains("rule \"").doesNotContain("eval(").doesNotContain("eval (");
        }
        assertThat(withoutComments(read("huiqi/bench/drools/gl-2023-1.drl"))).as("the naive DRL, for contrast").contains("eval(");
    }

    @Test
    void theTunedDrlCompilesToTheExecutableModel() {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(ks.newReleaseId("cn.huiqi.bench", "drools-tuned-test", "1.0.0"));
        for (String name : TunedDroolsWay.DRL) {
            kfs.write("src/main/resources/" + TunedDroolsWay.DIR + name,
                    ks.getResources().newClassPathResource(TunedDroolsWay.DIR + name, TunedDroolsWay.class));
        }
        var builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        assertThat(builder.getResults().getMessages()).isEmpty();
        assertThat(builder.getKieModule()).isInstanceOf(CanonicalKieModule.class);
    }

    @Test
    void buildingAndFiringLogsNoJittingFailure() throws Exception {
        Workload w = new Workload();
        HandLoopWay hand = new HandLoopWay();
        hand.load(w.population(1_000, cache));

        List<ILoggingEvent> tuned = logged(() -> {
            TunedDroolsWay way = new TunedDroolsWay(w.ruleIds());
            way.load(hand.columns());
            way.evaluate(Bench.BASE_RATE);
        });
        assertThat(tuned).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("jitting") || m.contains("interpreted mode") || m.contains("eval"));

        List<ILoggingEvent> naive = logged(() -> {
            DroolsWay way = new DroolsWay(w.ruleIds());
            way.load(hand.columns());
            way.evaluate(Bench.BASE_RATE);
        });
        // the naive DRL's eval() patterns are warned about when its KieBase is built (its MVEL "Exception jitting"
        // comes from a background jitting thread after enough evaluations, too late to rely on in a small test)
        assertThat(naive).extracting(ILoggingEvent::getFormattedMessage).anyMatch(m -> m.contains("eval is not performance-efficient"));
    }

    private static List<ILoggingEvent> logged(Runnable work) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            work.run();
        } finally {
            root.detachAppender(appender);
        }
        return appender.list;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = TunedDroolsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String withoutComments(String drl) {
        return drl.replaceAll("(?m)//.*$", "");
    }
}
