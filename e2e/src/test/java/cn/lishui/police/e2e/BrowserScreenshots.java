package cn.lishui.police.e2e;


import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Saves a screenshot and the HTML of every open browser of a failed test (a test class that
 * implements {@link BrowserTest} names its open browsers), named after the class and the test.
 */
final class BrowserScreenshots implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Object test = context.getTestInstance().orElse(null);
        if (!(test instanceof BrowserTest browserTest)) {
            return;
        }
        int index = 0;
        for (Browser browser : browserTest.browsers()) {
            String name = context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName() + "-" + index++;
            try {
                System.err.println("Screenshot of the failed browser test: " + browser.screenshot(name));
            } catch (RuntimeException screenshotFailed) {
                System.err.println("No screenshot for " + name + ": " + screenshotFailed);
            }
        }
    }

    /** A test class that drives browsers. */
    interface BrowserTest {
        Iterable<Browser> browsers();
    }
}
