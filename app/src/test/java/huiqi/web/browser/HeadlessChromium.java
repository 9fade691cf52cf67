package huiqi.web.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Real headless Chromium (Debian's /usr/bin/chromium, installed by scripts/run-tests) driven by Playwright,
 * offline: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD stops Playwright from fetching its own browser. Shared by every
 * browser test of the app.
 *
 * <p>{@link #login} and {@link #open} return only once the page has fully loaded: htmx (a deferred script)
 * binds its triggers on DOMContentLoaded, and an interaction fired before that is silently lost.
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final Path SCREENSHOTS = Paths.get("..", "docs", "screenshots");

    private final Playwright playwright;
    private final Browser chromium;
    private final String base;

    public HeadlessChromium(int port) {
        this.base = "http://localhost:" + port;
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
    }

    /** The sizes pages are checked at: an enterprise's phone, an officer's laptop. */
    public enum Screen {
        PHONE(390, 844, true), DESKTOP(1366, 768, false);

        final int width;
        final int height;
        final boolean mobile;

        Screen(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }
    }

    /** A fresh browser context (own cookies, downloads allowed) signed in as the given user. */
    public Page login(String username, String password) {
        return login(username, password, chromium.newContext(new Browser.NewContextOptions().setViewportSize(1360, 900)
                .setLocale("zh-CN").setAcceptDownloads(true)).newPage());
    }

    /** The same on a given screen; a phone honours the page's viewport meta tag and touch, as a real one does. */
    public Page login(String username, String password, Screen screen) {
        return login(username, password, chromium.newContext(new Browser.NewContextOptions()
                .setViewportSize(screen.width, screen.height).setIsMobile(screen.mobile).setHasTouch(screen.mobile)
                .setLocale("zh-CN").setAcceptDownloads(true)).newPage());
    }

    /** A fresh context on the given screen, not signed in (a visitor). */
    public Page visitor(Screen screen) {
        return chromium.newContext(new Browser.NewContextOptions().setViewportSize(screen.width, screen.height)
                .setIsMobile(screen.mobile).setHasTouch(screen.mobile).setLocale("zh-CN")).newPage();
    }

    /**
     * How far the page is wider than the screen, in CSS pixels (0 or less when nothing sticks out sideways). A
     * phone zooms out to show an over-wide page whole, so the page's width is compared with the screen's.
     */
    public static int horizontalOverflow(Page page, Screen screen) {
        Object px = page.evaluate("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
        return ((Number) px).intValue() - screen.width;
    }

    private Page login(String username, String password, Page page) {
        open(page, "/login");
        page.fill("input[name=username]", username);
        page.fill("input[name=password]", password);
        page.click("button[type=submit]");
        page.waitForLoadState(LoadState.LOAD);
        return page;
    }

    /** Navigates to a path of the app and waits until the page (and htmx) has loaded. */
    public Response open(Page page, String path) {
        Response response = page.navigate(url(path));
        page.waitForLoadState(LoadState.LOAD);
        return response;
    }

    public String url(String path) {
        return base + path;
    }

    public static void screenshot(Page page, String name) {
        screenshot(page, name, false);
    }

    public static void screenshot(Page page, String name, boolean fullPage) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(fullPage));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
