package cn.lishui.police.mediation;

import cn.lishui.police.platform.test.SelectedMongo;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API tests' shared context (one Spring context for all of them): grid-service is {@link GridStub}, the
 * breaker does not open on the failures the tests provoke, and the delivery queues are driven by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fengqiao.delivery.enabled=false",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=100000",
        "spring.cloud.openfeign.client.config.grid.read-timeout=5000"})
@AutoConfigureRestTestClient
@SelectedMongo
public abstract class MediationApiTestBase {

    @DynamicPropertySource
    static void grid(DynamicPropertyRegistry registry) {
        registry.add("fengqiao.clients.grid.url", () -> GridStub.get().url());
    }
}
