package cn.lishui.police.gateway.routing;

import java.util.List;
import java.util.Map;

import cn.lishui.police.gateway.problem.GatewayProblems;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * {@code ServiceCircuitBreaker=<name>} in a route's filters: the circuit breaker and bulkhead named {@code <name>}
 * (one per service, shared by every route to it) around the route's calls; see {@link ServiceCircuitBreaker}. Both
 * come from Resilience4j's registries, which Boot configures from {@code resilience4j.circuitbreaker.*} and
 * {@code resilience4j.bulkhead.*} and whose breakers and bulkheads are exported as {@code resilience4j_*} metrics.
 */
@Component
class ServiceCircuitBreakerGatewayFilterFactory
        extends AbstractGatewayFilterFactory<ServiceCircuitBreakerGatewayFilterFactory.Config> {

    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;
    private final GatewayProblems problems;

    ServiceCircuitBreakerGatewayFilterFactory(CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads,
                                              GatewayProblems problems) {
        super(Config.class);
        this.breakers = breakers;
        this.bulkheads = bulkheads;
        this.problems = problems;
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("name");
    }

    @Override
    public GatewayFilter apply(Config config) {
        Assert.hasText(config.getName(), "ServiceCircuitBreaker needs the name of the service's breaker");
        // tagged with its group as Spring Cloud CircuitBreaker tagged it, so that the exported series keep their labels
        Map<String, String> group = Map.of("group", config.getName());
        return new ServiceCircuitBreaker(breakers.circuitBreaker(config.getName(), group),
                bulkheads.bulkhead(config.getName()), problems);
    }

    public static class Config {

        private String name;

        public String getName() {
            return name;
        }

        public Config setName(String name) {
            this.name = name;
            return this;
        }
    }
}
