package cn.lishui.police.e2e;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on RFC 9457 problem bodies as every service and the gateway write them. */
final class Problems {

    private Problems() {
    }

    static JsonNode assertProblem(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.mediaType()).as(response.toString()).isEqualTo("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).as(response.toString()).isEqualTo(status);
        assertThat(problem.path("code").asString()).as(response.toString()).isEqualTo(code);
        assertThat(problem.path("title").asString()).as(response.toString()).isNotBlank();
        assertThat(problem.path("type").asString()).as(response.toString()).isNotBlank();
        assertThat(response.body()).as("no stack trace in " + response).doesNotContain("\tat ", "Exception:");
        return problem;
    }
}
