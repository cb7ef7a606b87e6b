package cn.lishui.police.publicservice.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lishui.police.platform.test.SelectedMongo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class CatalogueCachingTest {

    @Autowired
    RestTestClient http;

    @Test
    void anItemIsServedWithAStrongEtagAndPublicCachingAndRevalidatesTo304() {
        String etag = http.get().uri("/api/public/items/{code}", "LSGA-CRJ-0002").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=30, public")
                .returnResult(String.class).getResponseHeaders().getETag();
        assertThat(etag).startsWith("\"").doesNotStartWith("W/").contains("LSGA-CRJ-0002");

        http.get().uri("/api/public/items/{code}", "LSGA-CRJ-0002").header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus().isNotModified()
                .expectBody().isEmpty();
        http.get().uri("/api/public/items/{code}", "LSGA-CRJ-0002").header(HttpHeaders.IF_NONE_MATCH, "\"other\"")
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void aCatalogueListIsServedWithAStrongEtagAndPublicCachingAndRevalidatesTo304() {
        String etag = http.get().uri("/api/public/items?global=true&q=LSGA-").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=30, public")
                .returnResult(String.class).getResponseHeaders().getETag();
        assertThat(etag).startsWith("\"").doesNotStartWith("W/");

        http.get().uri("/api/public/items?global=true&q=LSGA-").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified();
        http.get().uri("/api/public/service-items?global=true&q=LSGA-").header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus().isNotModified();
    }
}
