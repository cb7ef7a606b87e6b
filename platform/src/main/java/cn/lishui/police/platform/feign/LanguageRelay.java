package cn.lishui.police.platform.feign;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Passes the user's {@code Accept-Language} on to the services a request calls, so that a provider's
 * problem (a refused form, its field messages) comes back in the user's language and can be shown to
 * the user as it is. Calls made outside a request (redeliveries) carry none: the providers' default, zh-CN.
 */
public final class LanguageRelay implements RequestInterceptor {

    @Override
    public void apply(RequestTemplate request) {
        if (request.headers().containsKey(HttpHeaders.ACCEPT_LANGUAGE)) {
            return;
        }
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            String language = servlet.getRequest().getHeader(HttpHeaders.ACCEPT_LANGUAGE);
            if (language != null && !language.isBlank()) {
                request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
            }
        }
    }
}
