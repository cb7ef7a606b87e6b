package cn.lishui.police.grid;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.lishui.police.platform.test.TestTokens;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Builds the small piece of map and the officers a test needs, through the store (map) and the API
 * (officers and assignments), after clearing what earlier tests left.
 */
public final class GridFixture {

    private final RestTestClient admin;
    private final MongoTemplate mongo;

    public GridFixture(RestTestClient http, MongoTemplate mongo) {
        this.admin = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer("admin-1", "ADMIN"))
                .build();
        this.mongo = mongo;
    }

    /** Removes the map below the counties, officers, assignments and the given feature collections. */
    public GridFixture clear(String... collections) {
        // through the template, as the service's own writes go: it tells the in-memory copies (the roster of
        // officers, the enforcement guides)
        for (String collection : List.of("officers", "village_chiefs", "grid_officers")) {
            mongo.remove(new Query(), collection);
        }
        mongo.getCollection("grids").deleteMany(new Document());
        for (String collection : collections) {
            mongo.remove(new Query(), collection);
        }
        mongo.getCollection("regions").deleteMany(new Document("level", new Document("$ne", "COUNTY")));
        return this;
    }

    /** A town, if absent, and a village under it. */
    public GridFixture village(String villageCode, String name) {
        String town = villageCode.substring(0, 9) + "000";
        if (mongo.getCollection("regions").countDocuments(new Document("_id", town)) == 0) {
            mongo.getCollection("regions").insertOne(new Document("_id", town).append("name", "测试镇")
                    .append("level", "TOWN").append("parentCode", villageCode.substring(0, 6)));
        }
        mongo.getCollection("regions").insertOne(new Document("_id", villageCode).append("name", name)
                .append("level", "VILLAGE").append("parentCode", town));
        return this;
    }

    /** A rectangular grid of the village (west, south, east, north in degrees). */
    public GridFixture grid(String gridCode, double west, double south, double east, double north) {
        String village = gridCode.substring(0, 12);
        List<List<Double>> ring = List.of(List.of(west, south), List.of(east, south), List.of(east, north),
                List.of(west, north), List.of(west, south));
        mongo.getCollection("grids").insertOne(new Document("_id", gridCode).append("name", "网格" + gridCode.substring(12))
                .append("type", "RURAL").append("villageCode", village).append("townCode", village.substring(0, 9) + "000")
                .append("countyCode", village.substring(0, 6))
                .append("boundary", new Document("type", "Polygon").append("coordinates", List.of(ring))));
        return this;
    }

    /** Registers an officer and answers its id. */
    public String officer(String name, String kind, String stationId, String phone, String account) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "kind", kind, "stationId", stationId,
                "contactPhone", phone));
        if (account != null) {
            body.put("account", account);
        }
        String location = admin.post().uri("/api/grid/officers").contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isCreated().returnResult().getResponseHeaders().getLocation().toString();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    public GridFixture gridOfficer(String gridCode, String officerId) {
        admin.put().uri("/api/grid/grids/{code}/officer", gridCode).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("officerId", officerId)).exchange().expectStatus().isOk();
        return this;
    }

    public GridFixture chief(String villageCode, String officerId) {
        admin.put().uri("/api/grid/villages/{code}/chiefs", villageCode).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("officerId", officerId)).exchange().expectStatus().isOk();
        return this;
    }
}
