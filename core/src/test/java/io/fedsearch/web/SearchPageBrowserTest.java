package io.fedsearch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fedsearch.access.Http;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The search page in a real browser (headless Chromium) against the whole app on a random port and real local
 * upstreams: one at once, one after 1.5 s, one never, one failing, one hostile. Waits are WebDriverWait polls of
 * the page's own state; nothing sleeps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "FEDSEARCH_ADMIN_KEY=" + SearchPageBrowserTest.ADMIN)
class SearchPageBrowserTest {

    static final String ADMIN = "fs_page-admin-key-000000000000000000000000";
    private static final PageUpstreams UPSTREAMS = new PageUpstreams();
    private static Browser browser;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        UPSTREAMS.register(registry);
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.close();
        UPSTREAMS.close();
    }

    @BeforeEach
    void freshTab() {
        browser.phone(false);
        browser.colorScheme("light");
        open("/");
        browser.driver.executeScript("sessionStorage.clear()");
    }

    @Test
    void showsFastResultsBeforeTheLateProviderAnswersThenMergesTheLateOnes() {
        open("/?q=" + unique("quantum") + "&providers=fast,late,never,broken");

        until("document.querySelectorAll('#results .card').length > 0"
                + " && chip('late') === 'pending' && chip('fast') === 'ok'");
        assertThat(badges()).containsOnly("fast");

        until("chip('late') === 'ok'");
        until("[...document.querySelectorAll('#results .badge')].some(b => b.textContent === 'late')");
        assertThat(badges()).contains("fast", "late");
    }

    @Test
    void chipsShowTheTimeoutAndTheErrorWithItsReason() {
        open("/?q=" + unique("chips") + "&providers=fast,never,broken");

        until("chip('never') === 'timeout' && chip('broken') === 'error'");
        assertThat(chipText("never")).contains("timed out");
        assertThat(chipText("broken")).contains("upstream answered HTTP 500");
        assertThat(chipText("fast")).contains("42 results");
    }

    @Test
    void tellsNothingMatchedApartFromEveryProviderFailed() {
        open("/?q=" + unique("failing") + "&providers=never,broken");
        until("!document.querySelector('#outcome').hidden");
        assertThat(text("#outcome h2")).isEqualTo("Every provider failed");

        open("/?q=" + unique("zilch") + "&providers=fast,broken");
        until("!document.querySelector('#outcome').hidden && chip('fast') === 'ok'");
        assertThat(text("#outcome h2")).isEqualTo("Nothing matched");

        open("/?q=" + unique("closed") + "&providers=vault");
        until("!document.querySelector('#outcome').hidden");
        assertThat(text("#outcome h2")).isEqualTo("No provider could be asked");
    }

    @Test
    void suggestionsWorkFromTheKeyboard() {
        // The suggester loads its reference data in the background after start-up.
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.at(port).get("/api/v1/suggest?prefix=franc", null).body().contains("text"));
        WebElement box = browser.driver.findElement(By.id("q"));
        box.sendKeys("franc");
        until("!document.getElementById('suggestions').hidden"
                + " && document.querySelectorAll('#suggestions [role=option]').length > 0");
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");

        box.sendKeys(Keys.ESCAPE);
        until("document.getElementById('suggestions').hidden");
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");

        box.sendKeys(Keys.ARROW_DOWN);
        until("!document.getElementById('suggestions').hidden");
        box.sendKeys(Keys.ARROW_DOWN);
        until("document.getElementById('q').getAttribute('aria-activedescendant') === 'suggestion-0'");
        String first = text("#suggestion-0");
        assertThat(browser.driver.findElement(By.id("suggestion-0")).getAttribute("aria-selected")).isEqualTo("true");

        box.sendKeys(Keys.ENTER);
        until("new URLSearchParams(location.search).get('q') === " + js(first));
        until("document.querySelectorAll('#chips .chip').length > 0 && ![...document.querySelectorAll('#chips .chip')].some(c => c.dataset.status === 'pending')");
        assertThat(box.getAttribute("value")).isEqualTo(first);
    }

    @Test
    void backRestoresThePreviousQuerysResults() {
        String alpha = unique("alpha");
        String beta = unique("beta");
        search(alpha);
        until("document.querySelector('#results .card .title') && document.querySelector('#results .card .title').textContent.includes(" + js(alpha) + ")");
        search(beta);
        until("document.querySelector('#results .card .title').textContent.includes(" + js(beta) + ")");

        browser.driver.navigate().back();

        until("new URLSearchParams(location.search).get('q') === " + js(alpha));
        until("document.querySelector('#results .card .title').textContent.includes(" + js(alpha) + ")");
        assertThat(browser.driver.findElement(By.id("q")).getAttribute("value")).isEqualTo(alpha);

        browser.driver.navigate().forward();
        until("document.querySelector('#results .card .title').textContent.includes(" + js(beta) + ")");

        browser.driver.navigate().refresh();
        until("document.querySelector('#results .card .title') && document.querySelector('#results .card .title').textContent.includes(" + js(beta) + ")");
    }

    @Test
    void hostileMarkupShowsAsTextAndRunsNothing() {
        open("/?q=" + unique("hostile") + "&providers=hostile");
        until("chip('hostile') === 'ok' && document.querySelectorAll('#results .card').length === 2");

        assertThat(browser.driver.executeScript("return window.__pwned === undefined")).isEqualTo(true);
        assertThat(browser.driver.findElements(By.cssSelector("#results img, #results script, #results svg, #results iframe, #results b, #results i"))).isEmpty();
        WebElement evil = browser.driver.findElements(By.cssSelector("#results .card")).stream()
                .filter(c -> c.getText().contains("Evil")).findFirst().orElseThrow();
        assertThat(evil.findElement(By.cssSelector(".title")).getText()).isEqualTo(PageUpstreams.HOSTILE_TITLE);
        assertThat(evil.findElement(By.cssSelector(".snippet")).getText()).isEqualTo(PageUpstreams.HOSTILE_SNIPPET);
        assertThat(evil.getText()).contains("javascript:window.__pwned='url'", "<img src=x onerror=", "<iframe");
        for (WebElement link : browser.driver.findElements(By.cssSelector("#results a"))) {
            assertThat(link.getAttribute("href")).startsWith("http");
        }
        assertThat(evil.findElements(By.cssSelector(".title a"))).as("no link for a javascript: URL").isEmpty();
        evil.findElement(By.cssSelector(".title")).click();
        assertThat(browser.driver.executeScript("return window.__pwned === undefined")).isEqualTo(true);
    }

    @Test
    void panelsHistoryAndEntitledProvidersWorkWithAKey() {
        var http = Http.at(port);
        // A limit no page load reaches: the page and this test's own polling share the key, and a 429 in a panel
        // would show as "Not available" instead of the panel's content.
        String key = http.createKey(ADMIN, Map.of("principal", "reader-" + UUID.randomUUID().toString().substring(0, 6),
                "providers", List.of("vault"), "per_second", 1000)).path("key").asString();
        useKey(key);
        until("!document.getElementById('panels').hidden");
        until("!!document.getElementById('prov-vault')");
        assertThat(browser.driver.findElement(By.cssSelector("label[for=prov-vault]")).getDomProperty("textContent"))
                .contains("private");

        String q = unique("keyed");
        open("/?q=" + q + "&providers=fast,vault");
        until("chip('vault') === 'ok' && chip('fast') === 'ok' && document.querySelectorAll('#results .card').length === 6");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain(key);

        browser.driver.findElement(By.cssSelector("#results .card .title a")).click();
        until("location.pathname.startsWith('/doc/')");
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/v1/me/recent-clicks", key).body().contains("result 1 about " + q));
        browser.driver.navigate().back();
        browser.driver.navigate().refresh();
        until("document.getElementById('recent-queries').textContent.includes(" + js(q) + ")");
        until("document.getElementById('recent-clicks').textContent.includes(" + js("result 1 about " + q) + ")");

        browser.driver.findElement(By.cssSelector("a[data-view=history]")).click();
        until("!document.getElementById('view-history').hidden && document.querySelector('#history-table tbody').textContent.includes(" + js(q) + ")");
        WebElement row = browser.driver.findElements(By.cssSelector("#history-table tbody tr")).stream()
                .filter(r -> r.getText().contains(q)).findFirst().orElseThrow();
        row.findElement(By.tagName("button")).click();
        until("!document.getElementById('history-detail').hidden && document.querySelectorAll('#history-results .card').length === 6");
    }

    @Test
    void theAdminSwitchesAProviderOffAndThePageShowsItDisabled() throws Exception {
        var http = Http.at(port);
        try {
            useKey(ADMIN);
            browser.driver.findElement(By.cssSelector("a[data-view=admin]")).click();
            until("!!document.querySelector('#admin-providers tr[data-provider=fast] [role=switch]')");
            WebElement toggle = browser.driver.findElement(By.cssSelector("#admin-providers tr[data-provider=fast] [role=switch]"));
            assertThat(toggle.getAttribute("aria-checked")).isEqualTo("true");
            toggle.click();
            until("document.querySelector('#admin-providers tr[data-provider=fast] [role=switch]').getAttribute('aria-checked') === 'false'");
            assertThat(text("#admin-status")).contains("off");
            assertThat(browser.driver.findElements(By.cssSelector("#admin-keys tbody tr"))).isNotEmpty();

            browser.driver.findElement(By.id("k-principal")).sendKeys("made-in-page");
            browser.driver.findElement(By.cssSelector("#key-form button[type=submit]")).click();
            until("!document.getElementById('new-secret').hidden && document.getElementById('new-secret-value').textContent.startsWith('fs_')");

            open("/?q=" + unique("switched") + "&providers=fast,late");
            until("chip('fast') === 'disabled'");
            assertThat(chipText("fast")).contains("disabled");
        } finally {
            http.send("PUT", "/admin/flags/provider.fast", ADMIN, Map.of("enabled", true));
        }
    }

    @Test
    void takesScreenshotsAtDesktopAndPhoneWidthInLightAndDark() throws Exception {
        open("/?q=" + "neutrino%20oscillations" + "&providers=fast,late,never,broken,hostile");
        until("document.querySelectorAll('#chips .chip').length === 5 && ![...document.querySelectorAll('#chips .chip')].some(c => c.dataset.status === 'pending')");
        for (String scheme : List.of("light", "dark")) {
            browser.colorScheme(scheme);
            browser.phone(false);
            browser.screenshot("search-desktop-" + scheme);
            browser.phone(true);
            until("window.innerWidth === 390");
            assertThat(browser.driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scrolling at phone width").isEqualTo(true);
            browser.screenshot("search-phone-" + scheme);
        }
        browser.phone(false);
        browser.colorScheme("light");
    }

    private void useKey(String key) {
        browser.driver.findElement(By.id("key-open")).click();
        until("document.getElementById('key-dialog').open");
        browser.driver.findElement(By.id("key-input")).sendKeys(key);
        browser.driver.findElement(By.id("key-save")).click();
        until("!document.getElementById('key-dialog').open");
    }

    private void search(String q) {
        WebElement box = browser.driver.findElement(By.id("q"));
        box.clear();
        box.sendKeys(q);
        browser.driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();
    }

    private void open(String path) {
        browser.driver.get("http://localhost:" + port + path);
        until("document.readyState === 'complete'");
    }

    private void until(String condition) {
        String script = "const chip = id => { const c = document.querySelector('#chips [data-provider=\"' + id + '\"]');"
                + " return c ? c.dataset.status : null; }; try { return !!(" + condition + "); } catch (e) { return false; }";
        browser.waiting().withMessage(condition).until(d -> Boolean.TRUE.equals(browser.driver.executeScript(script)));
    }

    private String chipText(String provider) {
        return text("#chips [data-provider=" + provider + "]");
    }

    private List<String> badges() {
        return browser.driver.findElements(By.cssSelector("#results .badge")).stream().map(WebElement::getText).toList();
    }

    private String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }

    private static String js(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String unique(String word) {
        return word + UUID.randomUUID().toString().substring(0, 6);
    }
}
