package cn.lishui.police.platform.feign;

import feign.RequestTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageRelayTest {

    final LanguageRelay relay = new LanguageRelay();

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void theUsersLanguageGoesOnToTheProvider() {
        MockHttpServletRequest user = new MockHttpServletRequest();
        user.addHeader("Accept-Language", "en");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(user));
        RequestTemplate call = new RequestTemplate();

        relay.apply(call);

        assertThat(call.headers().get("Accept-Language")).containsExactly("en");
    }

    @Test
    void aCallOutsideARequestOrWithItsOwnLanguageIsLeftAlone() {
        RequestTemplate redelivery = new RequestTemplate();
        relay.apply(redelivery);
        assertThat(redelivery.headers()).doesNotContainKey("Accept-Language");

        MockHttpServletRequest user = new MockHttpServletRequest();
        user.addHeader("Accept-Language", "en");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(user));
        RequestTemplate own = new RequestTemplate().header("Accept-Language", "zh-CN");
        relay.apply(own);
        assertThat(own.headers().get("Accept-Language")).containsExactly("zh-CN");
    }
}
