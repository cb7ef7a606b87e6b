package cn.lishui.police.publicservice.catalogue;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Catalogue lists get a strong ETag from their content (an item's detail sets its own from its version), so
 * that the overseas portal revalidates with If-None-Match and gets 304 without the body.
 */
@Configuration(proxyBeanMethods = false)
class CatalogueCaching {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> catalogueEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/public/items", "/api/public/items/*", "/api/public/service-items",
                "/api/public/service-items/*");
        return registration;
    }
}
