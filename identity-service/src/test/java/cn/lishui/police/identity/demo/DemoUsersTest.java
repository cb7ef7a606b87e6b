package cn.lishui.police.identity.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import cn.lishui.police.identity.IdentityServiceTest;
import cn.lishui.police.identity.OAuth;
import cn.lishui.police.identity.user.Accounts;
import cn.lishui.police.identity.user.UserAccount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mock.env.MockEnvironment;

@IdentityServiceTest
class DemoUsersTest {

    @LocalServerPort
    int port;

    @Autowired
    DemoUsers demoUsers;

    @Autowired
    Accounts accounts;

    @Autowired
    MongoTemplate mongo;

    @Test
    void everyRoleHasADemoUserWhoSignsInWithTheDemoPassword() {
        Map<String, String> roles = Map.of("demo-citizen", "CITIZEN", "demo-compatriot", "COMPATRIOT",
                "demo-officer", "GRID_OFFICER", "demo-police", "POLICE", "demo-mediator", "MEDIATOR",
                "demo-clerk", "WINDOW_CLERK", "demo-commander", "COMMANDER", "demo-admin", "ADMIN");
        OAuth oauth = new OAuth(port);

        roles.forEach((username, role) -> assertThat(OAuth.claims(oauth.demoBearer(username).substring(7)))
                .as(username).containsEntry("roles", java.util.List.of(role)));
    }

    @Test
    void theOfficerMediatorAndClerkHaveRealAreas() {
        assertThat(accounts.findByUsername("demo-officer").orElseThrow())
                .extracting(UserAccount::countyCode, UserAccount::stationId).containsExactly("331121", "station-331121-01");
        assertThat(accounts.findByUsername("demo-mediator").orElseThrow())
                .extracting(UserAccount::countyCode, UserAccount::organisationId).containsExactly("331121", "org-331121-01");
        assertThat(accounts.findByUsername("demo-clerk").orElseThrow())
                .extracting(UserAccount::countyCode, UserAccount::stationId).containsExactly("331121", "window-331121-01");
    }

    @Test
    void creatingThemAgainKeepsOneAccountEach() {
        long before = mongo.count(Query.query(Criteria.where("username").regex("^demo-")), UserAccount.class);

        demoUsers.run(null);
        demoUsers.run(null);

        assertThat(before).isEqualTo(8);
        assertThat(mongo.count(Query.query(Criteria.where("username").regex("^demo-")), UserAccount.class)).isEqualTo(8);
    }

    @Test
    void thereAreNoDemoUsersAgainstAConfiguredMongoDb() {
        MockEnvironment production = new MockEnvironment().withProperty("spring.mongodb.uri", "mongodb://db:27017/x");

        assertThat(new DemoUsers(accounts, production).enabled()).isFalse();
        assertThat(new DemoUsers(accounts, new MockEnvironment()).enabled()).isTrue();
        assertThat(new DemoUsers(accounts, new MockEnvironment()
                .withProperty("fengqiao.identity.demo-users.enabled", "false")).enabled()).isFalse();
    }
}
