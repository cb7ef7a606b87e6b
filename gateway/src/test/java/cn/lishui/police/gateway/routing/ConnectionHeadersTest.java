package cn.lishui.police.gateway.routing;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter.Type;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveXForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.TransferEncodingNormalizationHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionHeadersTest {

    private static final ServerWebExchange EXCHANGE = MockServerWebExchange.from(MockServerHttpRequest.get("/api/grid/x"));

    private final TransferEncodingNormalizationHeadersFilter transferEncoding = new TransferEncodingNormalizationHeadersFilter();
    private final RemoveHopByHopHeadersFilter hopByHop = new RemoveHopByHopHeadersFilter();
    private final RemoveForwardedHeadersFilter forwarded = new RemoveForwardedHeadersFilter();
    private final RemoveXForwardedHeadersFilter xForwarded = new RemoveXForwardedHeadersFilter();
    private final List<HttpHeadersFilter> springCloudGateways = List.of(forwarded, xForwarded, transferEncoding, hopByHop);
    private final List<HttpHeadersFilter> ours = ConnectionHeaders.replacing(springCloudGateways);

    @Test
    void takesThePlaceOfTheThreeCopyingFiltersWhereTheHopByHopOneWas() {
        assertThat(ours).hasSize(3);
        assertThat(ours.get(0)).isSameAs(transferEncoding);
        assertThat(ours.subList(1, 3)).allMatch(ConnectionHeaders.class::isInstance);
        assertThat(ours.get(1).supports(Type.REQUEST)).isTrue();
        assertThat(ours.get(2).supports(Type.RESPONSE)).isTrue();
        assertThat(((ConnectionHeaders) ours.get(1)).getOrder()).isEqualTo(hopByHop.getOrder());
        // without Spring Cloud Gateway's hop-by-hop filter there is nothing to take the place of
        assertThat(ConnectionHeaders.replacing(List.of(transferEncoding, forwarded))).containsExactly(transferEncoding, forwarded);
    }

    @Test
    void aRequestReachesTheServiceWithTheSameHeadersAsThroughSpringCloudGatewaysFilters() {
        HttpHeaders request = new HttpHeaders();
        request.add("Host", "gateway.example");
        request.add("Accept", "application/json");
        request.add("Accept-Language", "zh-CN");
        request.add("Authorization", "Bearer abc");
        request.add("Connection", "keep-alive, X-Session-Hint");
        request.add("X-Session-Hint", "hop");
        request.add("Keep-Alive", "timeout=5");
        request.add("TE", "trailers");
        request.add("Upgrade", "websocket");
        request.add("Proxy-Authorization", "Basic eA==");
        request.add("Forwarded", "for=203.0.113.66;host=evil.example");
        request.add("X-Forwarded-For", "203.0.113.66");
        request.add("x-forwarded-host", "evil.example");
        request.add("X-Request-Id", "r-1");
        request.add("X-Request-Id", "r-2");

        HttpHeaders expected = HttpHeadersFilter.filter(springCloudGateways, request, EXCHANGE, Type.REQUEST);
        HttpHeaders actual = HttpHeadersFilter.filter(ours, request, EXCHANGE, Type.REQUEST);

        assertThat(actual.toSingleValueMap()).isEqualTo(expected.toSingleValueMap());
        assertThat(actual.get("X-Request-Id")).containsExactly("r-1", "r-2");
        assertThat(actual.headerNames()).containsExactlyInAnyOrder("Host", "Accept", "Accept-Language", "Authorization",
                "X-Request-Id");
    }

    @Test
    void anAnswerWithNothingToDropIsPassedOnAsItIs() {
        HttpHeaders answer = new HttpHeaders();
        answer.add("Content-Type", "application/json");
        answer.add("Content-Length", "42");
        answer.add("ETag", "\"v1\"");
        // an answer keeps X-Forwarded-* and Forwarded: those rules are for requests
        answer.add("X-Forwarded-Prefix", "/api");

        HttpHeaders filtered = HttpHeadersFilter.filter(ours, answer, EXCHANGE, Type.RESPONSE);

        assertThat(filtered).isSameAs(answer);
        assertThat(HttpHeadersFilter.filter(springCloudGateways, answer, EXCHANGE, Type.RESPONSE).toSingleValueMap())
                .isEqualTo(filtered.toSingleValueMap());
    }

    @Test
    void anAnswerLosesItsConnectionHeadersAsThroughSpringCloudGatewaysFilters() {
        HttpHeaders answer = new HttpHeaders();
        answer.add("Content-Type", "application/json");
        answer.add("Transfer-Encoding", "chunked");
        answer.add("Connection", "close, X-Upstream-Hop");
        answer.add("X-Upstream-Hop", "1");
        answer.add("Proxy-Authenticate", "Basic");
        answer.add("X-Application-Context", "public-service:8083");

        HttpHeaders expected = HttpHeadersFilter.filter(springCloudGateways, answer, EXCHANGE, Type.RESPONSE);
        HttpHeaders actual = HttpHeadersFilter.filter(ours, answer, EXCHANGE, Type.RESPONSE);

        assertThat(actual.toSingleValueMap()).isEqualTo(expected.toSingleValueMap()).containsOnlyKeys("Content-Type");
    }
}
