package cn.lishui.police.mediation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MediationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MediationServiceApplication.class, args);
    }
}
