package cn.lishui.police.publicservice.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import cn.lishui.police.platform.test.SelectedMongo;
import cn.lishui.police.platform.test.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Visits (跑动) against LSGA-CRJ-0012 (港澳团队旅游签注, at most one visit) and LSGA-CRJ-0001 (出入境记录查询证明,
 * zero visits).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class VisitApiTest {

    private static final String APPLICATIONS = "/api/public/applications";
    private static final String FORM =
            "{\"applicantName\":\"王五\",\"phone\":\"13800000000\",\"deliveryMethod\":\"PICKUP\"}";

    @Autowired
    RestTestClient http;

    @Autowired
    MeterRegistry meters;

    @Test
    void oneVisitToAnAtMostOneVisitItemIsNoBreach() {
        String application = submit(citizen(), "LSGA-CRJ-0012");
        http.post().uri(APPLICATIONS + "/{id}/visits", application).header(HttpHeaders.AUTHORIZATION, clerk())
                .contentType(MediaType.APPLICATION_JSON).body("{\"note\":\"现场采集照片\"}").exchange()
                .expectStatus().isCreated()
                .expectHeader().exists(HttpHeaders.LOCATION)
                .expectBody()
                .jsonPath("$.visits").isEqualTo(1)
                .jsonPath("$.visitBreach").isEqualTo(false);
    }

    @Test
    void aSecondVisitToAnAtMostOneVisitItemIsFlaggedAsABreachAndCountedOnce() {
        String application = submit(citizen(), "LSGA-CRJ-0012");
        double before = visitBreaches();
        long overviewBefore = overviewVisitBreaches();
        String clerk = clerk();
        visit(application, clerk).jsonPath("$.visitBreach").isEqualTo(false);
        visit(application, clerk).jsonPath("$.visits").isEqualTo(2).jsonPath("$.visitBreach").isEqualTo(true);
        visit(application, clerk).jsonPath("$.visits").isEqualTo(3).jsonPath("$.visitBreach").isEqualTo(true);

        assertThat(visitBreaches() - before).isEqualTo(1.0);
        assertThat(overviewVisitBreaches()).isGreaterThanOrEqualTo(overviewBefore + 1);
    }

    @Test
    void anyVisitForAZeroVisitItemIsABreach() {
        String application = submit(citizen(), "LSGA-CRJ-0001");
        visit(application, clerk()).jsonPath("$.visits").isEqualTo(1).jsonPath("$.visitBreach").isEqualTo(true);
    }

    @Test
    void onlyWindowClerksRecordVisits() {
        String citizen = citizen();
        String application = submit(citizen, "LSGA-CRJ-0012");
        http.post().uri(APPLICATIONS + "/{id}/visits", application).header(HttpHeaders.AUTHORIZATION, citizen)
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    @Test
    void aVisitToAnUnknownApplicationIsNotFound() {
        http.post().uri(APPLICATIONS + "/{id}/visits", "no-such-application")
                .header(HttpHeaders.AUTHORIZATION, clerk()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("APPLICATION_NOT_FOUND");
    }

    @Test
    void aVisitAfterTheApplicationIsFinishedIsAConflictInChineseAndEnglish() {
        String application = submit(citizen(), "LSGA-CRJ-0012");
        String clerk = clerk();
        http.post().uri(APPLICATIONS + "/{id}/actions/reject", application).header(HttpHeaders.AUTHORIZATION, clerk)
                .contentType(MediaType.APPLICATION_JSON).body("{\"reason\":\"材料不齐\"}").exchange()
                .expectStatus().isOk();
        http.post().uri(APPLICATIONS + "/{id}/visits", application).header(HttpHeaders.AUTHORIZATION, clerk)
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("APPLICATION_FINISHED")
                .jsonPath("$.title").isEqualTo("办件已办结");
        http.post().uri(APPLICATIONS + "/{id}/visits", application).header(HttpHeaders.AUTHORIZATION, clerk)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("Application " + application
                        + " is already NOT_ACCEPTED; no more visits can be recorded.");
    }

    @Test
    void aClerkOfAnotherStationCannotRecordAVisitToAnApplicationAcceptedElsewhere() {
        String application = submit(citizen(), "LSGA-CRJ-0012");
        http.post().uri(APPLICATIONS + "/{id}/actions/accept", application)
                .header(HttpHeaders.AUTHORIZATION, clerk()).exchange()
                .expectStatus().isOk();
        String otherClerk = TestTokens.user(id()).roles("WINDOW_CLERK").station("window-331102-01").bearer();
        http.post().uri(APPLICATIONS + "/{id}/visits", application).header(HttpHeaders.AUTHORIZATION, otherClerk)
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("OTHER_STATION");
    }

    private RestTestClient.BodyContentSpec visit(String application, String clerk) {
        return http.post().uri(APPLICATIONS + "/{id}/visits", application).header(HttpHeaders.AUTHORIZATION, clerk)
                .exchange()
                .expectStatus().isCreated()
                .expectBody();
    }

    private double visitBreaches() {
        Counter counter = meters.find("fengqiao.public.applications.visit.breaches").tag("department", "EXIT_ENTRY")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private long overviewVisitBreaches() {
        return http.get().uri("/api/public/stats/overview").exchange()
                .expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody().path("visitBreaches").asLong();
    }

    private String submit(String applicant, String item) {
        return http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, applicant)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"itemCode\":\"" + item + "\",\"channel\":\"ONLINE\",\"form\":" + FORM + "}").exchange()
                .expectStatus().isCreated()
                .returnResult(JsonNode.class).getResponseBody().path("id").asString();
    }

    private static String citizen() {
        return TestTokens.bearer(id(), "CITIZEN");
    }

    private static String clerk() {
        return TestTokens.user(id()).roles("WINDOW_CLERK").county("331121").station("window-331121-01").bearer();
    }

    private static String id() {
        return "user-" + UUID.randomUUID();
    }
}
