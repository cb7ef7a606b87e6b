package cn.lishui.police.publicservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** public-service: the police service catalogue of "at most one visit" (ARCHITECTURE.md §1). */
@SpringBootApplication
public class PublicServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PublicServiceApplication.class, args);
    }
}
