package cn.lishui.police.gateway.cache;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;

/**
 * {@code PublicResponseCache} in a route's filters (application.yml lists it in {@code default-filters} right
 * after {@code RequestRateLimiter}): every route shares the one {@link PublicResponseCache}, whose keys hold the
 * route id. With {@code fengqiao.gateway.response-cache.enabled=false} it forwards everything.
 */
class PublicResponseCacheGatewayFilterFactory
        extends AbstractGatewayFilterFactory<PublicResponseCacheGatewayFilterFactory.Config> {

    private final PublicResponseCache filter;

    PublicResponseCacheGatewayFilterFactory(PublicResponseCache filter) {
        super(Config.class);
        this.filter = filter;
    }

    @Override
    public GatewayFilter apply(Config config) {
        return filter;
    }

    /** Nothing to configure per route: see {@link ResponseCacheProperties}. */
    public static class Config {
    }
}
