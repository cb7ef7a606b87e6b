package cn.lishui.police.grid.client;

import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;

/** Turns on grid-service's consumer-owned Feign clients (this package). */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(basePackageClasses = Clients.class)
class Clients {
}
