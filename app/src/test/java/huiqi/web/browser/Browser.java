package huiqi.web.browser;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Real headless Chromium (Debian's /usr/bin/chromium, installed by scripts/run-tests) driven by Playwright,
 * offline: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD stops Playwright from fetching its own browser.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Paths.get("..", "docs", "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final String base;

    Browser(int port) {
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

    /** A fresh browser context (own cookies) signed in as the given user. */
    Page login(String username, String password) {
        BrowserContext context = chromium.newContext(new NewContextOptions().setViewportSize(1360, 900)
                .setLocale("zh-CN"));
        Page page = context.newPage();
        page.navigate(base + "/login");
        page.fill("input[name=username]", username);
        page.fill("input[name=password]", password);
        page.click("button[type=submit]");
        page.waitForLoadState();
        return page;
    }

    String url(String path) {
        return base + path;
    }

    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(false));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
