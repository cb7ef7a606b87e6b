package cn.lishui.police.mediation.mediator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.lishui.police.mediation.MediationApiTestBase;
import cn.lishui.police.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** The register of mediators: who registers them, what is checked, what is shown. */
class MediatorApiTest extends MediationApiTestBase {

    private static final String PATH = "/api/mediation/mediators";
    private static final String ADMIN = TestTokens.bearer("admin-1", "ADMIN");
    private static final String SONGYANG = "331124";

    @Autowired
    RestTestClient http;

    @Test
    void theHeadRegistersAMediatorOfTheirOrganisationWithAMaskedPhoneAndAnEmptyDesk() {
        String head = "head-" + UUID.randomUUID();
        String organisation = organisation(head);
        Map<String, Object> body = mediator(organisation);
        body.put("areaCodes", List.of(SONGYANG + "102000", SONGYANG + "102203"));

        JsonNode created = http.post().uri(PATH).header("Authorization", TestTokens.bearer(head, "MEDIATOR"))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(created.get("phone").asString()).isEqualTo("139****0000");
        assertThat(created.get("countyCode").asString()).isEqualTo(SONGYANG);
        assertThat(created.get("caseload").asInt()).isZero();
        assertThat(created.get("available").asBoolean()).isTrue();
        assertThat(created.get("dialects").toString()).contains("松阳话");
        http.get().uri(PATH + "?organisationId={o}&specialty=LABOUR_WAGES", organisation)
                .header("Authorization", TestTokens.bearer("c", "CITIZEN")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content[*].id").value(List.class,
                        ids -> assertThat(ids).containsExactly(created.get("id").asString()));
        http.get().uri(PATH + "?organisationId={o}&specialty=CONSUMER", organisation)
                .header("Authorization", ADMIN).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.page.totalElements").isEqualTo(0);
    }

    @Test
    void anotherOrganisationsMediatorOrAnAreaOutsideTheCountyIsRefused() {
        String organisation = organisation("head-" + UUID.randomUUID());

        http.post().uri(PATH).header("Authorization", TestTokens.bearer("not-the-head", "MEDIATOR"))
                .contentType(MediaType.APPLICATION_JSON).body(mediator(organisation)).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_HEAD_OF_ORGANISATION");
        Map<String, Object> outside = mediator(organisation);
        outside.put("areaCodes", List.of("331181"));
        http.post().uri(PATH).header("Authorization", ADMIN).contentType(MediaType.APPLICATION_JSON).body(outside)
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("AREA_OUTSIDE_COUNTY");
        Map<String, Object> unknown = mediator("no-such-organisation");
        http.post().uri(PATH).header("Authorization", ADMIN).contentType(MediaType.APPLICATION_JSON).body(unknown)
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_ORGANISATION");
        Map<String, Object> invalid = mediator(organisation);
        invalid.put("capacity", 0);
        invalid.put("specialties", List.of());
        http.post().uri(PATH).header("Authorization", ADMIN).contentType(MediaType.APPLICATION_JSON).body(invalid)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(List.class,
                        fields -> assertThat(fields).contains("capacity", "specialties"));
        http.get().uri(PATH + "/{id}", "no-such-mediator").header("Authorization", ADMIN).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("MEDIATOR_NOT_FOUND");
    }

    @Test
    void aDeactivatedMediatorIsNoLongerAvailable() {
        String head = "head-" + UUID.randomUUID();
        String organisation = organisation(head);
        String id = create(ADMIN, mediator(organisation));

        http.post().uri(PATH + "/{id}/actions/deactivate", id).header("Authorization", TestTokens.bearer(head, "MEDIATOR"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(false).jsonPath("$.available").isEqualTo(false);
    }

    private String organisation(String head) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "松阳县调委会 " + UUID.randomUUID());
        body.put("kind", "PEOPLES_MEDIATION_COMMITTEE");
        body.put("countyCode", SONGYANG);
        body.put("headId", head);
        URI location = http.post().uri("/api/mediation/organisations").header("Authorization", ADMIN)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated().returnResult().getResponseHeaders().getLocation();
        return location.getPath().substring(location.getPath().lastIndexOf('/') + 1);
    }

    private static Map<String, Object> mediator(String organisation) {
        Map<String, Object> body = new HashMap<>();
        body.put("organisationId", organisation);
        body.put("name", "叶调解");
        body.put("phone", "13900000000");
        body.put("specialties", List.of("LABOUR_WAGES", "NEIGHBOUR"));
        body.put("dialects", List.of("松阳话", "普通话"));
        body.put("capacity", 6);
        return body;
    }

    private String create(String token, Map<String, Object> body) {
        URI location = http.post().uri(PATH).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange().expectStatus().isCreated().returnResult().getResponseHeaders().getLocation();
        return location.getPath().substring(location.getPath().lastIndexOf('/') + 1);
    }
}
