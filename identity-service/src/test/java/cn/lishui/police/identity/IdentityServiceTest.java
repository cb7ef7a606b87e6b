package cn.lishui.police.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.lishui.police.platform.test.SelectedMongo;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The service on a random port over real HTTP, with a fixed issuer (what FENGQIAO_ISSUER sets in a
 * deployment), a known service-client secret and a redirect URI for the web client. Test classes with
 * the same annotations share one context (and its store): each test makes its own users. The store is
 * the best MongoDB the machine offers ({@link SelectedMongo}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.authorizationserver.issuer=" + OAuth.ISSUER,
        "fengqiao.identity.service-client-secret=" + OAuth.SERVICE_SECRET,
        "fengqiao.identity.web-redirect-uris=" + OAuth.WEB_REDIRECT_URI,
        "fengqiao.identity.demo-users.password=" + OAuth.DEMO_PASSWORD})
@AutoConfigureRestTestClient
@SelectedMongo
public @interface IdentityServiceTest {
}
