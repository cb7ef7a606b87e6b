package cn.lishui.police.e2e;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overseas portal (警侨驿站) in a real Chromium on a phone-width screen, through the gateway of the shared
 * web suite: Chinese by default and English after the switch; a new compatriot signs up, signs in through
 * the identity service's sign-in page, registers in the compatriot registry, applies for a global (全球通办)
 * item through the form built from the item's attributes and sees the application in "my applications".
 */
class PortalBrowserIT extends BrowserJourney {

    private static final String GLOBAL_ITEM = "LSGA-CRJ-0001";

    private static Browser phone() {
        return open(Browser.PHONE);
    }

    private static String portal(String hash) {
        return suite.gateway("/").toString() + hash;
    }

    @Test
    void thePortalIsChineseByDefaultAndEnglishAfterTheSwitch() {
        Browser browser = phone();
        browser.open(portal("#/items"));

        browser.awaitText(By.id("tab-items"), "全球通办");
        browser.awaitText(By.cssSelector("#app-header h1"), "警侨驿站");
        browser.awaitText(By.id("item-count"), "45");
        assertThat(browser.visible(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.visible(By.id("tab-items")).getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.visible(By.cssSelector("#item-list li a")).getText()).isNotBlank();

        browser.click(By.id("language-switch"));

        browser.awaitText(By.id("tab-items"), "Global services");
        browser.awaitText(By.id("tab-stations"), "Stations");
        browser.awaitText(By.id("item-count"), "45 of 45 services");
        assertThat(browser.visible(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.visible(By.id("sign-in")).getText()).isEqualTo("Sign in");

        // the stations with their local time, still in English
        browser.click(By.id("tab-stations"));
        browser.awaitText(By.id("station-count"), "station(s) found");
        assertThat(browser.visible(By.cssSelector("#station-list .local-time")).getText()).isNotBlank();

        browser.click(By.id("language-switch"));
        browser.awaitText(By.id("tab-stations"), "找驿站");
        browser.awaitText(By.id("station-count"), "个驿站");
    }

    @Test
    void aNewCompatriotSignsUpAppliesForAGlobalItemAndSeesItInMyApplications() {
        Browser browser = phone();
        String email = "portal-" + System.nanoTime() + "@example.org";
        String password = "Qiaobao-" + ThreadLocalRandom.current().nextInt(1000, 9999) + "!x";

        // sign-up: the API's field errors next to the fields, then the invitation to sign in
        browser.open(portal("#/"));
        browser.click(By.id("tab-signup"));
        browser.type(By.id("signup-email"), "not-an-e-mail");
        browser.click(By.id("signup-submit"));
        browser.visible(By.id("signup-email-error"));
        assertThat(browser.visible(By.id("signup-email")).getAttribute("aria-invalid")).isEqualTo("true");

        browser.type(By.id("signup-email"), email);
        browser.type(By.id("signup-password"), password);
        browser.type(By.id("signup-name"), "陈侨胞");
        browser.type(By.id("signup-country"), "IT");
        browser.click(By.id("signup-submit"));
        browser.awaitText(By.id("signup-done"), email);

        // sign-in through the identity service's page, back on the portal at the compatriot registration
        browser.click(By.id("signup-sign-in"));
        browser.type(By.id("username"), email);
        browser.type(By.id("password"), password);
        browser.click(By.cssSelector("button[type=submit]"));
        browser.visible(By.id("user-name"));
        browser.visible(By.id("register-form"));
        assertThat(browser.currentUrl()).endsWith("#/register");

        // the compatriot registry, with the home village found by name
        browser.type(By.id("register-name"), "陈侨胞");
        browser.type(By.id("register-passport"), "E" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
        browser.type(By.id("register-country"), "IT");
        browser.type(By.id("register-city"), "Prato");
        browser.await(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#register-station option"), 1));
        new Select(browser.visible(By.id("register-station"))).selectByIndex(1);
        browser.type(By.id("register-village-query"), "村");
        browser.click(By.id("village-search"));
        browser.click(By.cssSelector("#village-list button"));
        assertThat(browser.visible(By.id("register-village")).getAttribute("value")).matches("3311\\d{8}");
        browser.click(By.id("register-consent"));
        browser.click(By.id("register-submit"));
        browser.visible(By.id("registered"));

        // a global item's guide, then its form: each required field left empty is marked next to it
        browser.click(By.id("tab-items"));
        browser.click(By.cssSelector("#item-" + GLOBAL_ITEM + " a"));
        browser.visible(By.id("item-materials"));
        browser.click(By.id("apply-link"));
        browser.click(By.id("apply-submit"));
        browser.await(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".apply-form .field-error"), 0));
        fillRequiredFields(browser);

        // the session ends just then: through the sign-in round trip and back to the form as it was filled in
        Object filledIn = formValues(browser);
        expireTheSessionAtTheNextApplication(browser);
        browser.click(By.id("apply-submit"));
        browser.await(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return window.beforeSignIn === undefined && document.getElementById('apply-submit') !== null")));
        browser.await(driver -> filledIn.equals(formValues(browser)));
        assertThat(browser.currentUrl()).endsWith("#/apply/" + GLOBAL_ITEM);
        browser.click(By.id("apply-submit"));

        // my applications: the new one, submitted to public-service, with its time limit counting down
        browser.visible(By.id("application-list"));
        assertThat(browser.visible(By.id("tab-applications")).getAttribute("aria-current")).isEqualTo("page");
        WebElement application = browser.visible(By.cssSelector("#application-list li.application"));
        assertThat(application.getText()).contains(GLOBAL_ITEM);
        assertThat(application.getAttribute("data-state")).isEqualTo("SUBMITTED");
        assertThat(application.findElement(By.cssSelector(".state")).getText()).isEqualTo("已提交");
        browser.visible(By.cssSelector("#application-list li.application .countdown"));
    }

    /** The values of the application form's fields, in order. */
    private static Object formValues(Browser browser) {
        return ((JavascriptExecutor) browser.driver()).executeScript("return [...document.querySelectorAll("
                + "'.apply-form input[name], .apply-form select[name]')].map(e => e.type === 'checkbox' ? String(e.checked) : e.value)");
    }

    /**
     * The next application answers 401, as when the session has ended at the identity service's side (the
     * page is marked to tell the reload that follows).
     */
    private static void expireTheSessionAtTheNextApplication(Browser browser) {
        ((JavascriptExecutor) browser.driver()).executeScript("window.beforeSignIn = true; const real = window.fetch;"
                + "window.fetch = (url, options) => String(url).startsWith('/api/overseas/portal/applications')"
                + " && options && options.method === 'POST'"
                + " ? Promise.resolve(new Response('{\"status\":401,\"code\":\"UNAUTHORIZED\"}',"
                + " {status: 401, headers: {'Content-Type': 'application/problem+json'}}))"
                + " : real(url, options);");
    }

    /** Fills every required field of the application form with a value of its type. */
    private static void fillRequiredFields(Browser browser) {
        for (WebElement input : browser.all(By.cssSelector(".apply-form [aria-required=true]"))) {
            String tag = input.getTagName();
            String type = input.getAttribute("type");
            if ("select".equals(tag)) {
                new Select(input).selectByIndex(1);
            } else if ("fieldset".equals(tag)) {
                input.findElement(By.cssSelector("input[type=checkbox]")).click();
            } else if ("number".equals(type)) {
                input.sendKeys("1");
            } else if ("date".equals(type)) { // typed dates follow the browser's locale: set the value itself
                ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", input, "2027-01-15");
            } else {
                input.clear();
                input.sendKeys("陈侨胞");
            }
        }
    }
}
