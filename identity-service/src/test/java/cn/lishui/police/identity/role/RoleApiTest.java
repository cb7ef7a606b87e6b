package cn.lishui.police.identity.role;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.lishui.police.platform.test.SelectedMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class RoleApiTest {

    private static final List<String> ROLES = List.of("ADMIN", "CITIZEN", "COMMANDER", "COMPATRIOT", "GRID_OFFICER",
            "MEDIATOR", "POLICE", "SERVICE", "WINDOW_CLERK");

    @Autowired
    RestTestClient http;

    @Autowired
    StandardRoles standardRoles;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theRolesAreTheNineRolesOfThePlatformByName() {
        http.get().uri("/api/identity/roles").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(9)
                .jsonPath("$[*].name").isEqualTo(ROLES)
                .jsonPath("$[*].displayName").value(List.class, names -> assertThat(names).doesNotContainNull())
                .jsonPath("$[*].descriptionEn").value(List.class, texts -> assertThat(texts).doesNotContainNull());
    }

    @Test
    void aRoleIsReadByItsNameWithItsChineseAndEnglishNamesAndDescription() {
        http.get().uri("/api/identity/roles/{name}", "GRID_OFFICER").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("GRID_OFFICER")
                .jsonPath("$.displayName").isEqualTo("网格警官")
                .jsonPath("$.displayNameEn").isEqualTo("Grid officer")
                .jsonPath("$.description").value(String.class, text -> assertThat(text).contains("网格"))
                .jsonPath("$.descriptionEn").value(String.class, text -> assertThat(text).contains("grid"))
                .jsonPath("$.kind").isEqualTo("STAFF");

        http.get().uri("/api/identity/roles/{name}", "SERVICE").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.kind").isEqualTo("MACHINE");
        http.get().uri("/api/identity/roles/{name}", "COMPATRIOT").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.kind").isEqualTo("PUBLIC");
    }

    @Test
    void anUnknownRoleIsANotFoundProblem() {
        http.get().uri("/api/identity/roles/{name}", "SHERIFF").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.code").isEqualTo("ROLE_NOT_FOUND")
                .jsonPath("$.title").isEqualTo("角色不存在")
                .jsonPath("$.detail").isEqualTo("角色 SHERIFF 不存在。");
    }

    @Test
    void theNotFoundProblemIsInEnglishWhenAskedFor() {
        http.get().uri("/api/identity/roles/{name}", "SHERIFF").header("Accept-Language", "en").exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.code").isEqualTo("ROLE_NOT_FOUND")
                .jsonPath("$.title").isEqualTo("Role not found")
                .jsonPath("$.detail").isEqualTo("There is no role named SHERIFF.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"citizen", "GRID-OFFICER", "_ADMIN", "ADMIN1", "ROLE_WITH_A_NAME_LONGER_THAN_32_CHARS"})
    void aNameThatCannotBeARoleNameIsAValidationProblemOnTheName(String name) {
        http.get().uri("/api/identity/roles/{name}", name).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void theValidationMessageIsInEnglishWhenAskedFor() {
        http.get().uri("/api/identity/roles/{name}", "admin").header("Accept-Language", "en").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.errors[0].message")
                .isEqualTo("must be a role name of capital letters and underscores, such as GRID_OFFICER");
    }

    @Test
    void upsertingTheRolesAgainKeepsOneDocumentEachAndRestoresTheirReferenceValues() {
        mongo.updateFirst(Query.query(Criteria.where("name").is("MEDIATOR")),
                new Update().set("displayName", "和事佬").set("note", "kept"), Role.class);

        standardRoles.run(null);
        standardRoles.run(null);

        assertThat(mongo.count(new Query(), Role.class)).isEqualTo(ROLES.size());
        http.get().uri("/api/identity/roles/{name}", "MEDIATOR").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.displayName").isEqualTo("调解员");
        assertThat(mongo.getCollection("roles").find(new Document("_id", "MEDIATOR")).first())
                .containsEntry("note", "kept");
    }
}
