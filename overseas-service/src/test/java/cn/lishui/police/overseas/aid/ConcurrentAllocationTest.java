package cn.lishui.police.overseas.aid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.lishui.police.overseas.support.ApiTestSupport;
import cn.lishui.police.platform.test.SelectedMongo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Thirty allocations race for 100 test kits, ten each: exactly ten win, the rest are told the stock is
 * insufficient, and the stock ends at zero, never below, with every kit accounted for on a request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class ConcurrentAllocationTest extends ApiTestSupport {

    private static final String REQUESTS = "/api/overseas/aid-requests";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Inventory inventory;

    @Test
    void parallelAllocationsNeverTakeTheStockBelowZero() throws Exception {
        String station = openStation();
        drain(station);
        post("/api/overseas/donations", HOME_POLICE, Map.of("donor", "浙江省侨联", "donorKind", "ASSOCIATION",
                "items", lines("TEST_KIT", 100)));
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            requests.add(post(REQUESTS, staffOf(station), Map.of("stationId", station, "type", "MEDICAL_SUPPLIES",
                    "description", "检测试剂 " + i, "items", lines("TEST_KIT", 10))).path("id").asString());
        }

        ExecutorService pool = Executors.newFixedThreadPool(30);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (String id : requests) {
            outcomes.add(pool.submit(() -> {
                start.await();
                return http.post().uri(REQUESTS + "/" + id + "/allocations")
                        .header(HttpHeaders.AUTHORIZATION, HOME_POLICE).contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("items", lines("TEST_KIT", 10))).exchange()
                        .returnResult(String.class).getStatus().value();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> outcome : outcomes) {
            statuses.add(outcome.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(20);
        assertThat(inventory.available(ItemType.TEST_KIT)).isZero();
        long allocated = requests.stream().map(id -> mongo.findById(id, AidRequest.class))
                .mapToLong(r -> r.unshipped().get("TEST_KIT")).sum();
        assertThat(allocated).isEqualTo(100);
    }

    /** Allocates whatever test kits are left from other tests, so the race starts from exactly 100. */
    private void drain(String station) {
        long left = inventory.available(ItemType.TEST_KIT);
        if (left > 0) {
            String id = post(REQUESTS, staffOf(station), Map.of("stationId", station, "type", "MEDICAL_SUPPLIES",
                    "description", "余量", "items", lines("TEST_KIT", left))).path("id").asString();
            post(REQUESTS + "/" + id + "/allocations", HOME_POLICE, Map.of("items", lines("TEST_KIT", left)));
        }
    }
}
