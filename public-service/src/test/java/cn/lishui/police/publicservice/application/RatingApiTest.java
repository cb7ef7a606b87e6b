package cn.lishui.police.publicservice.application;

import java.util.UUID;

import cn.lishui.police.platform.test.SelectedMongo;
import cn.lishui.police.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class RatingApiTest {

    private static final String APPLICATIONS = "/api/public/applications";

    @Autowired
    RestTestClient http;

    @Test
    void aGoodRatingOfADeliveredApplicationIsRecordedOnceAndASecondIsAlreadyRated() {
        String citizen = citizen();
        String application = delivered(citizen);

        rate(citizen, application, "{\"stars\":5,\"comment\":\"读秒办件，很快\"}")
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.stars").isEqualTo(5)
                .jsonPath("$.rectificationTask").doesNotExist();
        rate(citizen, application, "{\"stars\":4}")
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("ALREADY_RATED")
                .jsonPath("$.title").isEqualTo("已评价过");
    }

    @Test
    void aBadRatingOpensARectificationTaskDueIn15WorkingDays() {
        String citizen = citizen();
        String application = delivered(citizen);

        rate(citizen, application, "{\"stars\":2,\"comment\":\"等待时间太长\"}")
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.rectificationTask.status").isEqualTo("OPEN")
                .jsonPath("$.rectificationTask.stationId").isEqualTo("window-331121-01")
                .jsonPath("$.rectificationTask.dueAt").isNotEmpty();
    }

    @Test
    void anApplicationStillInProgressCannotBeRated() {
        String citizen = citizen();
        String application = submit(citizen);
        rate(citizen, application, "{\"stars\":3}")
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("APPLICATION_NOT_FINISHED");
    }

    @Test
    void starsOutsideOneToFiveAreAValidationProblem() {
        String citizen = citizen();
        String application = delivered(citizen);
        rate(citizen, application, "{\"stars\":6}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("stars");
    }

    @Test
    void someoneElsesApplicationIsNotFoundForRating() {
        String application = delivered(citizen());
        rate(citizen(), application, "{\"stars\":1}")
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("APPLICATION_NOT_FOUND");
    }

    private RestTestClient.ResponseSpec rate(String applicant, String application, String body) {
        return http.post().uri(APPLICATIONS + "/{id}/rating", application).header(HttpHeaders.AUTHORIZATION, applicant)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private String delivered(String applicant) {
        String application = submit(applicant);
        String clerk = TestTokens.user("clerk-" + UUID.randomUUID()).roles("WINDOW_CLERK")
                .station("window-331121-01").bearer();
        for (String action : new String[] {"accept", "start", "approve", "deliver"}) {
            http.post().uri(APPLICATIONS + "/{id}/actions/{action}", application, action)
                    .header(HttpHeaders.AUTHORIZATION, clerk).exchange()
                    .expectStatus().isOk();
        }
        return application;
    }

    private String submit(String applicant) {
        return http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, applicant)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"itemCode\":\"LSGA-ZA-0001\",\"channel\":\"ONLINE\","
                        + "\"form\":{\"applicantName\":\"王五\",\"phone\":\"13900000000\"}}").exchange()
                .expectStatus().isCreated()
                .returnResult(JsonNode.class).getResponseBody().path("id").asString();
    }

    private static String citizen() {
        return TestTokens.bearer("citizen-" + UUID.randomUUID(), "CITIZEN");
    }
}
