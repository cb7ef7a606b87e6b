package cn.lishui.police.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveXForwardedHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Drops, in one pass, the headers of a forwarded request and of its answer that belong to one connection and not to
 * the message, the names Spring Cloud Gateway drops (RFC 9110 §7.6.1): {@code Connection} and every name it lists,
 * {@code Keep-Alive}, {@code Transfer-Encoding}, {@code TE}, {@code Trailer}, {@code Upgrade},
 * {@code Proxy-Authorization}, {@code Proxy-Authenticate}, and Spring's {@code X-Application-Context}; and from
 * requests, the caller's {@code Forwarded} and {@code X-Forwarded-*}, which no proxy the gateway trusts has written.
 *
 * <p>It takes the place of Spring Cloud Gateway's {@link RemoveHopByHopHeadersFilter},
 * {@link RemoveForwardedHeadersFilter} and {@link RemoveXForwardedHeadersFilter} in the calls to the services
 * ({@link #replacing}): those drop the same names, but each copies every header of every request (and the first, of
 * every answer) whether or not there is anything to drop, and in Spring Framework 7 each walk over the headers also
 * builds a case-insensitive map of their names first: 3.8 % of the gateway's CPU on a forwarded request. Here a
 * request is copied once, and an answer with nothing to drop (the usual one: the services send none of these over
 * HTTP/1.1 keep-alive) is not copied. The {@code Forwarded} and {@code X-Forwarded-*} rules apply only where Spring
 * Cloud Gateway had its own filters for them, i.e. while {@code trusted-proxies} is not configured; with it, its
 * {@code ForwardedHeadersFilter} and {@code XForwardedHeadersFilter} stay as they are.
 */
final class ConnectionHeaders implements HttpHeadersFilter, Ordered {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "proxy-authorization", "proxy-authenticate", "x-application-context", "upgrade");
    private static final String X_FORWARDED = "x-forwarded-";

    private final Type type;
    private final boolean dropForwarded;
    private final boolean dropXForwarded;
    private final int order;

    /** For requests ({@code Type.REQUEST}) or for answers; Spring Cloud Gateway does not say which to a filter. */
    ConnectionHeaders(Type type, boolean dropForwarded, boolean dropXForwarded, int order) {
        this.type = type;
        this.dropForwarded = dropForwarded && type == Type.REQUEST;
        this.dropXForwarded = dropXForwarded && type == Type.REQUEST;
        this.order = order;
    }

    /**
     * These header filters with this one in the place of Spring Cloud Gateway's hop-by-hop filter (its order: after
     * {@code TransferEncodingNormalizationHeadersFilter}, which must still see {@code Transfer-Encoding}), and
     * without the three it stands for; unchanged if the hop-by-hop filter is not among them.
     */
    static List<HttpHeadersFilter> replacing(List<HttpHeadersFilter> filters) {
        RemoveHopByHopHeadersFilter hopByHop = filters.stream().filter(RemoveHopByHopHeadersFilter.class::isInstance)
                .map(RemoveHopByHopHeadersFilter.class::cast).findFirst().orElse(null);
        if (hopByHop == null) {
            return filters;
        }
        boolean forwarded = filters.stream().anyMatch(RemoveForwardedHeadersFilter.class::isInstance);
        boolean xForwarded = filters.stream().anyMatch(RemoveXForwardedHeadersFilter.class::isInstance);
        List<HttpHeadersFilter> replaced = new ArrayList<>(filters.size());
        for (HttpHeadersFilter filter : filters) {
            if (filter == hopByHop) {
                replaced.add(new ConnectionHeaders(Type.REQUEST, forwarded, xForwarded, hopByHop.getOrder()));
                replaced.add(new ConnectionHeaders(Type.RESPONSE, false, false, hopByHop.getOrder()));
            } else if (!(filter instanceof RemoveForwardedHeadersFilter || filter instanceof RemoveXForwardedHeadersFilter)) {
                replaced.add(filter);
            }
        }
        return List.copyOf(replaced);
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        if (type == Type.RESPONSE && HOP_BY_HOP.stream().noneMatch(input::containsHeader)) {
            return input; // an answer with nothing to drop (no Connection header, so no names listed in it): no copy
        }
        List<String> listed = listedInConnection(input);
        HttpHeaders kept = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!dropped(name, listed)) {
                kept.addAll(name, values);
            }
        });
        return kept;
    }

    private boolean dropped(String name, List<String> listed) {
        String lower = name.toLowerCase(Locale.ROOT);
        return HOP_BY_HOP.contains(lower) || listed.contains(lower) || dropForwarded && lower.equals("forwarded")
                || dropXForwarded && lower.startsWith(X_FORWARDED);
    }

    /** The names the {@code Connection} header lists, lower case ({@code close} and {@code keep-alive} among them). */
    private static List<String> listedInConnection(HttpHeaders headers) {
        List<String> values = headers.get(HttpHeaders.CONNECTION);
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String value : values) {
            for (String token : value.split(",")) {
                String name = token.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    @Override
    public boolean supports(Type type) {
        return type == this.type;
    }

    @Override
    public int getOrder() {
        return order;
    }
}
