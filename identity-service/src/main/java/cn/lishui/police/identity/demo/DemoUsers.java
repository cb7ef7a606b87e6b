package cn.lishui.police.identity.demo;

import java.util.List;
import java.util.Set;

import cn.lishui.police.identity.EmbeddedDefault;
import cn.lishui.police.identity.user.Accounts;
import cn.lishui.police.identity.user.NewAccount;
import cn.lishui.police.platform.error.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One demo user per role, in the embedded default only (never against a configured MongoDB), created
 * on start when missing: idempotent, and an existing demo user (whose password someone may have
 * changed) is left alone. The password is {@code FENGQIAO_DEMO_PASSWORD}. The officer, mediator and
 * clerk have real areas of Qingtian county (331121), so the object-level rules can be seen.
 */
@Component
class DemoUsers implements ApplicationRunner {

    static final String COUNTY = "331121";

    static final List<NewAccount> ALL = List.of(
            demo("demo-citizen", "演示群众", Set.of("CITIZEN"), null, null, null, null),
            demo("demo-compatriot", "演示侨胞", Set.of("COMPATRIOT"), null, null, null, "IT"),
            demo("demo-officer", "演示网格警官", Set.of("GRID_OFFICER"), COUNTY, "station-331121-01", null, null),
            demo("demo-police", "演示民警", Set.of("POLICE"), COUNTY, null, null, null),
            demo("demo-mediator", "演示调解员", Set.of("MEDIATOR"), COUNTY, null, "org-331121-01", null),
            demo("demo-clerk", "演示窗口工作人员", Set.of("WINDOW_CLERK"), COUNTY, "window-331121-01", null, null),
            demo("demo-commander", "演示指挥员", Set.of("COMMANDER"), COUNTY, null, null, null),
            demo("demo-admin", "演示系统管理员", Set.of("ADMIN"), null, null, null, null));

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final Accounts accounts;
    private final Environment environment;

    DemoUsers(Accounts accounts, Environment environment) {
        this.accounts = accounts;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled()) {
            return;
        }
        String password = environment.getProperty("fengqiao.identity.demo-users.password");
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("fengqiao.identity.demo-users.password (FENGQIAO_DEMO_PASSWORD) is empty");
        }
        int created = 0;
        for (NewAccount demo : ALL) {
            if (accounts.findByUsername(demo.username()).isEmpty()) {
                try {
                    accounts.register(withPassword(demo, password));
                } catch (DomainException weak) {
                    throw new IllegalStateException("FENGQIAO_DEMO_PASSWORD is refused (" + weak.code() + "): "
                            + weak.fieldErrors().stream().map(DomainException.FieldError::messageKey).toList());
                }
                created++;
            }
        }
        if (created > 0) {
            log.info("Created {} demo users (demo-citizen ... demo-admin), password from FENGQIAO_DEMO_PASSWORD", created);
        }
    }

    boolean enabled() {
        return EmbeddedDefault.active(environment)
                && environment.getProperty("fengqiao.identity.demo-users.enabled", Boolean.class, true);
    }

    private static NewAccount withPassword(NewAccount demo, String password) {
        return new NewAccount(demo.username(), null, password, demo.displayName(), null, null, demo.roles(),
                demo.countyCode(), demo.stationId(), demo.organisationId(), demo.countryOfResidence());
    }

    private static NewAccount demo(String username, String displayName, Set<String> roles, String county,
                                   String station, String organisation, String country) {
        return new NewAccount(username, null, null, displayName, null, null, roles, county, station, organisation,
                country);
    }
}
