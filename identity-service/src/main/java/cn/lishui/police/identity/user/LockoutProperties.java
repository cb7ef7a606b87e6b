package cn.lishui.police.identity.user;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailures failed sign-ins in a row that lock the account
 * @param duration    how long the lock lasts
 */
@ConfigurationProperties("fengqiao.identity.lockout")
record LockoutProperties(Integer maxFailures, Duration duration) {

    LockoutProperties {
        maxFailures = maxFailures == null || maxFailures < 1 ? 5 : maxFailures;
        duration = duration == null ? Duration.ofMinutes(15) : duration;
    }
}
