package cn.lishui.police.gateway.security;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link RequestFirewall} refuses what Spring Security's {@link StrictServerWebExchangeFirewall} (its defaults)
 * refuses and lets through what it lets through: the strict firewall is the oracle. It checks a header only when
 * something reads it, so the oracle reads them all here.
 */
class RequestFirewallTest {

    private final RequestFirewall firewall = new RequestFirewall(null);
    private final StrictServerWebExchangeFirewall strict = new StrictServerWebExchangeFirewall();

    @ParameterizedTest
    @ValueSource(strings = {"/api/public/items", "/api/public/items/330100-CRJ-001?lang=en&size=5",
        "/api/grid/villages/%E4%B8%BD%E6%B0%B4", "/", "/assets/app.js", "/api/grid/a.b/c..d/.e", "/console/",
        "/api/public/items;jsessionid=1", "/api/public/items%3bx", "/api/grid/%2fetc", "/api/grid//regions",
        "/api/grid/..", "/api/grid/../actuator", "/api/grid/./regions", "/api/grid/.", "/api/grid/%2e%2e/x",
        "/api/grid/%2E/x", "/api/grid/%252e", "/api/grid/%25", "/api/grid/a%5cb", "/api/grid/a%00b", "/api/grid/a%0ab",
        "/api/grid/a%0Db", "/api/grid/%E2%80%A8", "/api/grid/%E2%80%A9", "/api/grid/x?a=%0a", "/api/grid/x?%01=1",
        "/api/grid/x?a;b=1"})
    void pathsAreAcceptedAndRefusedLikeTheStrictFirewall(String pathAndQuery) {
        assertSameVerdict(MockServerHttpRequest.method(HttpMethod.GET, URI.create("http://127.0.0.1:8080" + pathAndQuery)).build());
    }

    @Test
    void methodsAreAcceptedAndRefusedLikeTheStrictFirewall() {
        for (String method : List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT",
                "PROPFIND")) {
            assertSameVerdict(MockServerHttpRequest.method(HttpMethod.valueOf(method), "/api/grid/regions").build());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "with space", "tab\there", "zh 丽水", "bell\u0007", "del\u007f", "c1\u0085",
        "unassigned\u0378", "nul\u0000", "surrogates \uD83D\uDE00", "lone \uD800"})
    void headerNamesAndValuesAreAcceptedAndRefusedLikeTheStrictFirewall(String text) {
        assertSameVerdict(MockServerHttpRequest.get("/api/grid/regions").header("X-Test", text).build());
        assertSameVerdict(MockServerHttpRequest.get("/api/grid/regions").header("X-" + text, "1").build());
    }

    @Test
    void everyCharacterIsJudgedLikeTheStrictFirewallsExpressions() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String text = "a" + (char) c + "b";
            assertThat(RequestFirewall.isAssignedWithoutControls(text, false))
                    .as("name with U+%04X", c).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(text));
            assertThat(RequestFirewall.isAssignedWithoutControls(text, true))
                    .as("value with U+%04X", c).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(text));
        }
    }

    @Test
    void aResponseHeaderWithALineBreakIsRefusedWhenTheResponseCommits() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/grid/regions"));
        ServerWebExchange passed = firewall.getFirewalledExchange(exchange).block();
        assertThat(passed).isSameAs(exchange); // no decorated exchange for the rest of the chain
        exchange.getResponse().getHeaders().set("X-Injected", "a\r\nSet-Cookie: session=stolen");

        assertThatThrownBy(() -> exchange.getResponse().setComplete().block())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Injected");
    }

    private void assertSameVerdict(MockServerHttpRequest request) {
        boolean strictRefuses = refuses(MockServerWebExchange.from(request), exchange -> {
            ServerWebExchange firewalled = strict.getFirewalledExchange(exchange).block();
            firewalled.getRequest().getHeaders().headerNames().forEach(firewalled.getRequest().getHeaders()::get);
            firewalled.getRequest().getQueryParams();
            return firewalled;
        });
        boolean refuses = refuses(MockServerWebExchange.from(request),
                exchange -> firewall.getFirewalledExchange(exchange).block());
        assertThat(refuses).as("%s %s %s", request.getMethod(), request.getURI(), request.getHeaders())
                .isEqualTo(strictRefuses);
    }

    private static boolean refuses(ServerWebExchange exchange, Function<ServerWebExchange, ServerWebExchange> check) {
        try {
            check.apply(exchange);
            return false;
        } catch (ServerExchangeRejectedException rejected) {
            return true;
        }
    }
}
