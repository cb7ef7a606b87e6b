package cn.lishui.police.publicservice.application;

import java.util.Arrays;

import cn.lishui.police.platform.error.DomainException;

/** What a window clerk does with an application, as the path segment of its action URL names it. */
enum ApplicationAction {
    ACCEPT("accept"),
    REJECT("reject"),
    REQUEST_MATERIALS("request-materials"),
    START("start"),
    APPROVE("approve"),
    DENY("deny"),
    DELIVER("deliver");

    private final String path;

    ApplicationAction(String path) {
        this.path = path;
    }

    static ApplicationAction ofPath(String path) {
        return Arrays.stream(values()).filter(action -> action.path.equals(path)).findFirst()
                .orElseThrow(() -> DomainException.notFound("UNKNOWN_ACTION", path));
    }

    String path() {
        return path;
    }
}
