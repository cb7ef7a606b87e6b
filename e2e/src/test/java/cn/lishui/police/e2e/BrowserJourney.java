package cn.lishui.police.e2e;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every browser test class shares: the web suite ({@link WebSuite}, started once for all of them), the
 * browsers it opened, closed after its last test (so that a failed test's browser is still open for its
 * screenshot, {@link BrowserScreenshots}).
 */
@ExtendWith({WebSuite.class, BrowserScreenshots.class})
abstract class BrowserJourney implements BrowserScreenshots.BrowserTest {

    static Suite suite;
    private static final List<Browser> BROWSERS = new ArrayList<>();

    @BeforeAll
    static void startWebSuite(Suite started) {
        suite = started;
    }

    @AfterAll
    static void closeBrowsers() {
        BROWSERS.forEach(Browser::close);
        BROWSERS.clear();
    }

    @Override
    public Iterable<Browser> browsers() {
        return BROWSERS;
    }

    /** A new browser window of this size, closed after the class's last test. */
    static Browser open(int[] windowSize) {
        Browser browser = Browser.open(windowSize);
        BROWSERS.add(browser);
        return browser;
    }
}
