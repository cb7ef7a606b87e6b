package cn.lishui.police.grid.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.lishui.police.platform.test.SelectedMongo;
import cn.lishui.police.platform.test.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Routine inspections: assigned to the grid officer, checked in by them, overdue per station. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class InspectionApiTest {

    static final String VILLAGE = "331102004201";
    static final String COVERED_GRID = VILLAGE + "001";
    static final String UNCOVERED_GRID = VILLAGE + "002";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    RestTestClient admin;
    String officerId;

    @BeforeEach
    void aVillageWithACoveredAndAnUncoveredGrid() {
        admin = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer("admin-1", "ADMIN")).build();
        for (String collection : new String[] {"officers", "village_chiefs", "grid_officers", "grids", "inspections"}) {
            mongo.remove(new Query(), collection); // through the template: the officer roster hears of it
        }
        mongo.getCollection("regions").deleteMany(new Document("level", new Document("$ne", "COUNTY")));
        mongo.getCollection("regions").insertOne(new Document("_id", VILLAGE).append("name", "排查村")
                .append("level", "VILLAGE").append("parentCode", "331102004000"));
        for (String grid : List.of(COVERED_GRID, UNCOVERED_GRID)) {
            mongo.getCollection("grids").insertOne(new Document("_id", grid).append("name", "网格" + grid)
                    .append("type", "RURAL").append("villageCode", VILLAGE).append("townCode", "331102004000")
                    .append("countyCode", "331102"));
        }
        String location = admin.post().uri("/api/grid/officers").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "赵六", "kind", "AUXILIARY", "stationId", "station-331102-03",
                        "contactPhone", "13812345678", "account", "officer-zhao"))
                .exchange().expectStatus().isCreated()
                .returnResult().getResponseHeaders().getLocation().toString();
        officerId = location.substring(location.lastIndexOf('/') + 1);
        admin.put().uri("/api/grid/grids/{code}/officer", COVERED_GRID).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("officerId", officerId)).exchange().expectStatus().isOk();
    }

    static String officer() {
        return TestTokens.user("officer-zhao").roles("GRID_OFFICER").county("331102").bearer();
    }

    static Map<String, Object> task(String grid, LocalDate due) {
        return new HashMap<>(Map.of("gridCode", grid, "type", "FIRE_SAFETY", "dueDate", due.toString()));
    }

    RestTestClient.ResponseSpec create(String token, Map<String, Object> body) {
        return http.post().uri("/api/grid/inspections").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    String created(Map<String, Object> body) {
        String location = create(TestTokens.bearer("commander-1", "COMMANDER"), body).expectStatus().isCreated()
                .returnResult().getResponseHeaders().getLocation().toString();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    RestTestClient.ResponseSpec checkIn(String token, String id, Map<String, Object> body) {
        return http.post().uri("/api/grid/inspections/{id}/actions/check-in", id).header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    @Test
    void aTaskIsAssignedToTheGridOfficerWithTheTypesChecklist() {
        create(TestTokens.bearer("commander-1", "COMMANDER"), task(COVERED_GRID, TODAY.plusDays(7)))
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.id").isNotEmpty()
                .jsonPath("$.responsibleOfficer.id").isEqualTo(officerId)
                .jsonPath("$.responsibleOfficer.stationId").isEqualTo("station-331102-03")
                .jsonPath("$.status").isEqualTo("OPEN")
                .jsonPath("$.checklist.length()").isEqualTo(3);
    }

    @Test
    void aServiceCreatesATaskOnceForOneIdempotencyKey() {
        Map<String, Object> body = task(COVERED_GRID, TODAY.plusDays(7));
        body.put("type", "FAMILY_CARE_VISIT");
        body.put("reference", "family-42");
        body.put("checklist", List.of("了解老人身体状况"));
        String service = TestTokens.bearer("overseas-service", "SERVICE");
        String first = http.post().uri("/api/grid/inspections").header(HttpHeaders.AUTHORIZATION, service)
                .header("Idempotency-Key", "visit-family-42").contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isCreated().returnResult().getResponseHeaders().getLocation().toString();
        String second = http.post().uri("/api/grid/inspections").header(HttpHeaders.AUTHORIZATION, service)
                .header("Idempotency-Key", "visit-family-42").contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isCreated().returnResult().getResponseHeaders().getLocation().toString();

        assertThat(second).isEqualTo(first);
        assertThat(mongo.getCollection("inspections").countDocuments()).isEqualTo(1);
    }

    @Test
    void aGridWithoutAnOfficerIsNotCovered() {
        create(TestTokens.bearer("commander-1", "COMMANDER"), task(UNCOVERED_GRID, TODAY.plusDays(7)))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("GRID_NOT_COVERED")
                .jsonPath("$.title").isEqualTo("网格没有网格警员");
    }

    @Test
    void anUnknownGridAndAPastDueDateAreUnprocessable() {
        create(TestTokens.bearer("commander-1", "COMMANDER"), task(VILLAGE + "009", TODAY.plusDays(7)))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("GRID_NOT_FOUND");
        create(TestTokens.bearer("commander-1", "COMMANDER"), task(COVERED_GRID, TODAY.minusDays(1)))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("DUE_DATE_IN_PAST");
        create(TestTokens.bearer("commander-1", "COMMANDER"), Map.of("gridCode", COVERED_GRID, "type", "PATROL",
                "dueDate", TODAY.toString()))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_ENUM_VALUE");
    }

    @Test
    void aGridOfficerCannotCreateTasks() {
        create(officer(), task(COVERED_GRID, TODAY.plusDays(7))).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    @Test
    void theAssignedOfficerChecksInOnceWithResultNotesAndLocation() {
        String id = created(task(COVERED_GRID, TODAY.plusDays(7)));

        http.get().uri("/api/grid/inspections/mine").header(HttpHeaders.AUTHORIZATION, officer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].id").isEqualTo(id);
        checkIn(officer(), id, Map.of("result", "HAZARD_FOUND", "notes", "灭火器过期 2 具", "lat", 28.45, "lng", 119.92))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("CHECKED_IN")
                .jsonPath("$.checkIn.result").isEqualTo("HAZARD_FOUND")
                .jsonPath("$.checkIn.lat").isEqualTo(28.45);
        checkIn(officer(), id, Map.of("result", "NORMAL")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("INSPECTION_ALREADY_CHECKED_IN");
        http.get().uri("/api/grid/inspections/mine").header(HttpHeaders.AUTHORIZATION, officer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void anotherOfficerCannotCheckIn() {
        String id = created(task(COVERED_GRID, TODAY.plusDays(7)));

        http.post().uri("/api/grid/inspections/{id}/actions/check-in", id)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("someone-else").roles("GRID_OFFICER")
                        .county("331102").bearer())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("result", "NORMAL")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_THE_ASSIGNED_OFFICER")
                .jsonPath("$.title").isEqualTo("Not the assigned officer");
    }

    @Test
    void aCheckInWithHalfALocationIsBadRequest() {
        String id = created(task(COVERED_GRID, TODAY.plusDays(7)));

        checkIn(officer(), id, Map.of("result", "NORMAL", "lat", 28.4)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_COORDINATES");
    }

    @Test
    void overdueTasksAreListedPerStationInTheCallersCounty() {
        String late = created(task(COVERED_GRID, TODAY));
        created(task(COVERED_GRID, TODAY.plusDays(3)));
        String done = created(task(COVERED_GRID, TODAY));
        checkIn(officer(), done, Map.of("result", "NORMAL")).expectStatus().isOk();
        mongo.updateMulti(Query.query(Criteria.where("dueDate").is(TODAY)),
                new Update().set("dueDate", TODAY.minusDays(2)), Inspection.class);

        http.get().uri("/api/grid/inspections/overdue?county=331102")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("commander-1", "COMMANDER")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.stations[0].stationId").isEqualTo("station-331102-03")
                .jsonPath("$.stations[0].tasks[0].id").isEqualTo(late)
                .jsonPath("$.stations[0].tasks[0].daysOverdue").isEqualTo(2);
        http.get().uri("/api/grid/inspections/overdue?county=331121")
                .header(HttpHeaders.AUTHORIZATION, officer()).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("OUTSIDE_CALLER_AREA");
        http.get().uri("/api/grid/inspections/overdue")
                .header(HttpHeaders.AUTHORIZATION, officer()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.countyCode").isEqualTo("331102").jsonPath("$.total").isEqualTo(1);
    }

    @Test
    void policeCreateTasksInTheirOwnCountyOnly() {
        create(TestTokens.user("police-qt").roles("POLICE").county("331121").bearer(), task(COVERED_GRID, TODAY))
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("OUTSIDE_CALLER_AREA");
        create(TestTokens.user("police-ld").roles("POLICE").county("331102").bearer(), task(COVERED_GRID, TODAY))
                .expectStatus().isCreated();
    }
}
