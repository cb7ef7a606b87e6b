package cn.lishui.police.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The single entry point of the suite: routes with circuit breakers, token validation and role rules,
 * rate limits, CORS, body-size limit and security headers, all answering with problem bodies; see
 * application.yml.
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
