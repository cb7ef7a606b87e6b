package cn.lishui.police.overseas.client;

import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;

/** The Feign clients overseas-service owns (ARCHITECTURE.md §4): public-service and grid-service. */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(basePackageClasses = ClientConfiguration.class)
class ClientConfiguration {
}
