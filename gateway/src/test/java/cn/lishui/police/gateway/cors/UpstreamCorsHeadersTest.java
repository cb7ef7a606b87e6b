package cn.lishui.police.gateway.cors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/** A service's own CORS answer never reaches the browser: the gateway's CorsPolicy is the only one. */
class UpstreamCorsHeadersTest {

    private final UpstreamCorsHeaders filter = new UpstreamCorsHeaders();
    private final MockServerWebExchange exchange =
            MockServerWebExchange.from(MockServerHttpRequest.get("http://127.0.0.1:8080/api/grid/villages"));

    @Test
    void everyAccessControlHeaderOfAServicesAnswerIsDropped() {
        HttpHeaders fromService = new HttpHeaders();
        fromService.add("Content-Type", "application/json");
        fromService.add("ACCESS-CONTROL-ALLOW-ORIGIN", "*");
        fromService.add("Access-Control-Allow-Credentials", "true");
        fromService.add("Access-Control-Something-New", "x");
        fromService.add("Vary", "Origin");

        HttpHeaders kept = filter.filter(fromService, exchange);

        assertThat(kept.headerNames()).containsExactly("Content-Type", "Vary");
        assertThat(kept.getFirst("Vary")).isEqualTo("Origin");
    }

    /**
     * Without a CORS protocol name the answer passes on as it is; the names are asked by the protocol's list, not by
     * prefix, so an {@code Access-Control-*} name outside it (a browser acts on none other) is no CORS answer alone.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Content-Length", "Access-Control-Something-New"})
    void anAnswerWithoutAProtocolNameIsPassedOnAsItIs(String otherName) {
        HttpHeaders fromService = new HttpHeaders();
        fromService.add("Content-Type", "application/json");
        fromService.add(otherName, "12");

        assertThat(filter.filter(fromService, exchange)).isSameAs(fromService);
    }

    @Test
    void itAppliesToAnswersOnly() {
        assertThat(filter.supports(UpstreamCorsHeaders.Type.RESPONSE)).isTrue();
        assertThat(filter.supports(UpstreamCorsHeaders.Type.REQUEST)).isFalse();
    }
}
