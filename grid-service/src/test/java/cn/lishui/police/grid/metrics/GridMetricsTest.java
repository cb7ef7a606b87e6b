package cn.lishui.police.grid.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import cn.lishui.police.grid.region.GridLocator;
import cn.lishui.police.platform.test.SelectedMongo;
import cn.lishui.police.platform.test.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Gauges per county (Jingning here, which no other test uses) and the locate latency histogram. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class GridMetricsTest {

    static final String COUNTY = "331127";

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry registry;

    @Autowired
    GridLocator locator;

    double gauge(String name, String... tags) {
        return registry.get(name).tag("county", COUNTY).tags(tags).gauge().value();
    }

    @Test
    void countyGaugesCountCoverageOfficersExpiringRegistrationsAndOverdueInspections() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Date soon = Date.from(today.plusDays(3).atStartOfDay(ZoneId.systemDefault()).toInstant());
        Date past = Date.from(today.minusDays(3).atStartOfDay(ZoneId.systemDefault()).toInstant());
        mongo.getCollection("village_chiefs").insertOne(new Document("_id", COUNTY + "101201")
                .append("chiefs", List.of(new Document("officerId", "a"), new Document("officerId", "b"))));
        mongo.getCollection("village_chiefs").insertOne(new Document("_id", COUNTY + "101202")
                .append("chiefs", List.of(new Document("officerId", "a"))));
        mongo.getCollection("grid_officers").insertOne(new Document("_id", COUNTY + "101201001").append("officerId", "a"));
        mongo.getCollection("officers").insertOne(new Document("_id", "metrics-a").append("countyCode", COUNTY)
                .append("kind", "POLICE"));
        mongo.getCollection("officers").insertOne(new Document("_id", "metrics-b").append("countyCode", COUNTY)
                .append("kind", "AUXILIARY"));
        mongo.getCollection("residents").insertOne(new Document("_id", "metrics-r1").append("kind", "FLOATING")
                .append("countyCode", COUNTY).append("registrationExpiry", soon));
        mongo.getCollection("inspections").insertOne(new Document("_id", "metrics-i1").append("status", "OPEN")
                .append("countyCode", COUNTY).append("dueDate", past));

        assertThat(gauge("grid.villages.covered")).isEqualTo(1.0);
        assertThat(gauge("grid.grids.covered")).isEqualTo(1.0);
        assertThat(gauge("grid.officers", "kind", "POLICE")).isEqualTo(1.0);
        assertThat(gauge("grid.officers", "kind", "AUXILIARY")).isEqualTo(1.0);
        assertThat(gauge("grid.residents.floating.expiring")).isEqualTo(1.0);
        assertThat(gauge("grid.inspections.overdue")).isEqualTo(1.0);
    }

    @Test
    void locateIsTimedAsAHistogram() {
        locator.rebuild();
        Timer outside = registry.get("grid.locate").tag("outcome", "outside").timer();
        long before = outside.count();

        http.get().uri("/api/grid/locate?lat=39.9&lng=116.4")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("c1", "COMMANDER")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("OUTSIDE_JURISDICTION");

        assertThat(outside.count()).isEqualTo(before + 1);
        assertThat(outside.takeSnapshot().histogramCounts()).isNotEmpty();
    }
}
