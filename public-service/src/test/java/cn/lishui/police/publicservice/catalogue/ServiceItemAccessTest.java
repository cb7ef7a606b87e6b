package cn.lishui.police.publicservice.catalogue;

import cn.lishui.police.platform.test.SelectedMongo;
import cn.lishui.police.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Reading the catalogue is open to everyone; nothing else of the service is (OWASP API2, API5). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class ServiceItemAccessTest {

    private static final String ITEMS = "/api/public/service-items";

    @Autowired
    RestTestClient http;

    @Test
    void theCatalogueIsReadWithoutATokenAndWithOne() {
        http.get().uri(ITEMS).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.page.totalElements").isNotEmpty();
        http.get().uri(ITEMS + "/{code}", "LSGA-CRJ-0001").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.code").isEqualTo("LSGA-CRJ-0001");
        http.get().uri(ITEMS + "/{code}", "LSGA-CRJ-0001")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("citizen-a", "CITIZEN")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.code").isEqualTo("LSGA-CRJ-0001");
    }

    @Test
    void onlyReadsOfTheCatalogueAreOpen() {
        http.post().uri(ITEMS).contentType(MediaType.APPLICATION_JSON).body("{\"code\":\"X-1\",\"name\":\"x\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        // the rest of the service (applications, ratings, ... as they come) needs a token
        http.get().uri("/api/public/applications").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void anOperatorInTheQueryIsRefusedAlsoWithoutAToken() {
        // ?department%5B%24ne%5D=x
        http.get().uri(ITEMS + "?{name}=x", "department[$ne]").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("OPERATOR_INJECTION");
    }
}
