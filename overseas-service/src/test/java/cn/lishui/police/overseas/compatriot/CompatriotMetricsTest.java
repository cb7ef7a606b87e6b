package cn.lishui.police.overseas.compatriot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import cn.lishui.police.overseas.support.ApiTestSupport;
import cn.lishui.police.platform.test.SelectedMongo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;

/** The compatriots gauge's one grouping counts each country's registrations (on the store the build selected). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class CompatriotMetricsTest extends ApiTestSupport {

    @Autowired
    CompatriotMetrics metrics;

    @Test
    void oneGroupingCountsTheCompatriotsOfEveryCountry() {
        String station = openStation();
        Map<String, Long> before = metrics.countByCountry();

        register(station, "PT");
        register(station, "PT");
        register(station, "HU");

        Map<String, Long> after = metrics.countByCountry();
        assertThat(after.get("PT") - before.getOrDefault("PT", 0L)).isEqualTo(2);
        assertThat(after.get("HU") - before.getOrDefault("HU", 0L)).isEqualTo(1);
    }

    private void register(String station, String country) {
        Map<String, Object> body = registration(station);
        body.put("countryOfResidence", country);
        post("/api/overseas/compatriots", compatriot("c-" + unique()), body);
    }
}
