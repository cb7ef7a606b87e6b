package cn.lishui.police.identity;

import org.springframework.core.env.Environment;

/**
 * The embedded default is the suite run without a MongoDB server configured (the platform starts its
 * embedded store then). Only there does identity-service invent what production must be given:
 * signing keys on disk, demo users, the password grant switched on.
 */
public final class EmbeddedDefault {

    private EmbeddedDefault() {
    }

    public static boolean active(Environment environment) {
        return !environment.containsProperty("spring.mongodb.uri") && !environment.containsProperty("spring.mongodb.host");
    }
}
