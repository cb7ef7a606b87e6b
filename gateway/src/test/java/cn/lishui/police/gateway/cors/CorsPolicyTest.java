package cn.lishui.police.gateway.cors;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import cn.lishui.police.gateway.problem.GatewayProblems;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The default CORS policy: the web pages come from the gateway itself, so no other origin is allowed. */
class CorsPolicyTest {

    private static CorsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("fengqiao.gateway.cors", CorsProperties.class);
    }

    @Test
    void noOtherOriginIsAllowedByDefaultNorWhenTheVariableIsEmpty() {
        assertThat(bind(Map.of()).allowedOrigins()).isEmpty();
        // application.yml: ${FENGQIAO_CORS_ALLOWED_ORIGINS:} with the variable unset
        assertThat(bind(Map.of("fengqiao.gateway.cors.allowed-origins", "")).allowedOrigins()).isEmpty();
        assertThat(bind(Map.of("fengqiao.gateway.cors.allowed-origins", "https://fengqiao.example.gov.cn"))
                .allowedOrigins()).containsExactly("https://fengqiao.example.gov.cn");
    }

    @Test
    void thePagesOwnCallsPassAndAnotherOriginIsRefused() {
        GatewayProblems problems = mock(GatewayProblems.class);
        when(problems.write(any(), any(), any())).thenReturn(Mono.empty());
        CorsPolicy policy = new CorsPolicy(bind(Map.of()), problems);

        AtomicBoolean passed = new AtomicBoolean();
        WebFilterChain chain = exchange -> {
            passed.set(true);
            return Mono.empty();
        };
        MockServerWebExchange samePage = MockServerWebExchange.from(
                MockServerHttpRequest.post("http://127.0.0.1:8080/api/overseas/compatriots").header("Origin", "http://127.0.0.1:8080"));
        policy.filter(samePage, chain).block();
        assertThat(passed).isTrue();

        passed.set(false);
        MockServerWebExchange devServer = MockServerWebExchange.from(
                MockServerHttpRequest.post("http://127.0.0.1:8080/api/overseas/compatriots").header("Origin", "http://127.0.0.1:5173"));
        policy.filter(devServer, chain).block();
        assertThat(passed).isFalse();
        verify(problems).write(eq(devServer), eq(HttpStatus.FORBIDDEN), eq("CORS_NOT_ALLOWED"));
    }
}
