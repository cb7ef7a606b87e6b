package cn.lishui.police.overseas;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** overseas-service: the 警侨驿站 overseas stations and the aid registry for compatriots (ARCHITECTURE.md §1). */
@SpringBootApplication
public class OverseasServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OverseasServiceApplication.class, args);
    }
}
