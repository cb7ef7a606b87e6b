package cn.lishui.police.gateway.routing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestedPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/grid/../actuator", "/api/grid/..;x=1/actuator", "/api/grid/%2e%2E/actuator",
            "/api/grid/.", "/api/grid/a%2Fb", "/api/grid/a%5cb", "/api/grid/a\\b", "/api/grid/%zz", "/api/grid/a%00"})
    void pathsAServletContainerWouldReadDifferentlyAreAmbiguous(String rawPath) {
        assertThat(RequestedPath.isAmbiguous(rawPath)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/grid/villages/331102001001", "/api/grid/a..b/.hidden", "/open311/v2/services.json",
            "/api/public/items/%E8%BA%AB%E4%BB%BD%E8%AF%81", "/api/grid/%252e%252e/x", "/"})
    void ordinaryPathsAreNot(String rawPath) {
        assertThat(RequestedPath.isAmbiguous(rawPath)).isFalse();
    }
}
