package huiqi.web.browser;

import java.lang.reflect.Field;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives a browser test its headless Chromium: every field of type {@link HeadlessChromium} of a test class
 * annotated {@code @ExtendWith(ChromiumExtension.class)} is set before its {@code @BeforeAll} runs. One browser
 * serves every test class of a run against the same server (each login opens its own browser context, so tests
 * share no cookies); JUnit closes it when the run ends.
 */
public final class ChromiumExtension implements TestInstancePostProcessor {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ChromiumExtension.class);

    @Override
    public void postProcessTestInstance(Object test, ExtensionContext context) throws IllegalAccessException {
        for (Class<?> c = test.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getType() == HeadlessChromium.class) {
                    field.setAccessible(true);
                    field.set(test, browser(context));
                }
            }
        }
    }

    private static HeadlessChromium browser(ExtensionContext context) {
        int port = SpringExtension.getApplicationContext(context).getEnvironment()
                .getRequiredProperty("local.server.port", Integer.class);
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent("chromium:" + port, key -> new HeadlessChromium(port), HeadlessChromium.class);
    }
}
