package cn.lishui.police.gateway.routing;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.client.HttpClient;

/**
 * Spring Cloud Gateway's {@link NettyRoutingFilter}, the filter that makes the call to the service, with the header
 * filters of {@link ConnectionHeaders#replacing}: one pass over the headers where Spring Cloud Gateway's filters
 * made three copies. Its own bean is switched off
 * ({@code spring.cloud.gateway.server.webflux.global-filter.netty-routing.enabled: false}), and with it, by the same
 * switch, its {@link NettyWriteResponseFilter}, which writes the answer to the caller: both are defined here, as
 * Spring Cloud Gateway defines them, under the same bean names, so that if the switch stopped working the two of
 * each could not both be there: the context would not start.
 */
@Configuration(proxyBeanMethods = false)
class ForwardingConfiguration {

    @Bean
    NettyRoutingFilter routingFilter(HttpClient httpClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
                                     HttpClientProperties properties) {
        return new RoutingFilter(httpClient, headersFilters, properties);
    }

    @Bean
    NettyWriteResponseFilter nettyWriteResponseFilter(GatewayProperties properties,
                                                      ObjectProvider<List<HttpHeadersFilter>> headersFilters) {
        return new NettyWriteResponseFilter(properties.getStreamingMediaTypes(), headersFilters);
    }

    /** The same filter; only the list of header filters it applies differs. */
    static final class RoutingFilter extends NettyRoutingFilter {

        private volatile List<HttpHeadersFilter> headersFilters;

        RoutingFilter(HttpClient httpClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
                      HttpClientProperties properties) {
            super(httpClient, headersFilters, properties);
        }

        @Override
        public List<HttpHeadersFilter> getHeadersFilters() {
            List<HttpHeadersFilter> filters = headersFilters;
            if (filters == null) { // the beans are looked up at the first call, as Spring Cloud Gateway does
                filters = ConnectionHeaders.replacing(super.getHeadersFilters());
                headersFilters = filters;
            }
            return filters;
        }
    }
}
