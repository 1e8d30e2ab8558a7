package neptun.chat.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import neptun.chat.adapters.persistence.testing.PostgresTestDatabase;
import neptun.chat.application.UseCases;
import neptun.chat.application.port.in.CreateChatCommand;
import neptun.chat.application.port.in.CreateMessagesCommand;
import neptun.chat.application.port.in.MessageInput;
import neptun.chat.bootstrap.wiring.ChatConfiguration;
import neptun.chat.domain.ChatId;
import neptun.chat.domain.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The docs page in a real browser (Debian's headless Chromium through its ChromeDriver): it renders every
 * operation of the description, and with a session cookie "Try it out" reads a chat from the same server.
 * Screenshots are kept as {@code target/docs-page.png} and {@code target/docs-try-it-out.png}.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DocsPageIT {
    private static final PostgresTestDatabase DB = PostgresTestDatabase.create();
    static final DropwizardAppExtension<ChatConfiguration> APP = TestApp.on(DB);
    /** Generous, for a cold browser on a busy machine; a wait, not a bound the test asserts. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path profile;
    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        Path chromium = installed("CHROMIUM", "/usr/bin/chromium");
        Path driver = installed("CHROMEDRIVER", "/usr/bin/chromedriver");
        var options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,2400", "--user-data-dir=" + profile.toAbsolutePath());
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).usingAnyFreePort().build(),
                options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        DB.close();
    }

    @Test
    void rendersEveryOperationAndTriesOneWithTheSessionCookie() throws IOException {
        UseCases core = TestApp.core(TestApp.jdbi(DB));
        var ada = new UserId("ada");
        core.registerUser().register(ada);
        String token = core.issueSession().issue(ada, Duration.ofDays(1)).token().value();
        ChatId chat = core.createChat().create(CreateChatCommand.of(ada, "Docs")).id();
        core.createMessages().create(CreateMessagesCommand.of(ada, chat, java.util.List.of(new MessageInput("Shown in the page", "user"))));
        String base = "http://127.0.0.1:" + APP.getLocalPort();
        var wait = new WebDriverWait(browser, PATIENCE);

        browser.get(base + "/docs");
        Set<String> described = ApiDescriptionIT.describedRoutes(ApiContract.servedAt(base).description());
        wait.until(page -> page.findElements(By.cssSelector(".opblock")).size() == described.size());
        Set<String> rendered = new TreeSet<>();
        for (WebElement operation : browser.findElements(By.cssSelector(".opblock"))) {
            String method = operation.findElement(By.cssSelector(".opblock-summary-method")).getText().toUpperCase(Locale.ROOT);
            String path = operation.findElement(By.cssSelector(".opblock-summary-path")).getAttribute("data-path");
            rendered.add(method + " " + path);
        }
        Path screenshot = Path.of("target", "docs-page.png");
        Files.createDirectories(screenshot.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
        assertThat(rendered).isEqualTo(described);

        // The page's requests go to this server with the browser's cookies, as they would with the web UI's.
        browser.manage().addCookie(new Cookie("neptun-session", token, "/"));
        WebElement operation = browser.findElement(By.id("operations-messages-readMessages"));
        operation.findElement(By.cssSelector(".opblock-summary")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-messages-readMessages .try-out__btn"))).click();
        operation.findElement(By.cssSelector("tr[data-param-name='user_id'] input")).sendKeys("ada");
        operation.findElement(By.cssSelector("tr[data-param-name='chat_id'] input")).sendKeys(Long.toString(chat.value()));
        operation.findElement(By.cssSelector("button.execute")).click();

        WebElement answer = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#operations-messages-readMessages .live-responses-table tr.response")));
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "docs-try-it-out.png"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(answer.findElement(By.cssSelector(".response-col_status")).getText()).isEqualTo("200");
        assertThat(answer.findElement(By.cssSelector(".response-col_description")).getText()).contains("Shown in the page");
    }

    /** The program at {@code path} (or where the variable {@code override} says); missing, the test fails saying how to install it. */
    private static Path installed(String override, String path) {
        Path program = Path.of(System.getenv().getOrDefault(override, path));
        if (!Files.isExecutable(program)) {
            throw new IllegalStateException(program + " is missing: this test drives Debian's Chromium through its ChromeDriver;"
                    + " install them with apt-get install -y chromium chromium-driver (.ci/run does), or name them with "
                    + "CHROMIUM and CHROMEDRIVER");
        }
        return program;
    }
}
