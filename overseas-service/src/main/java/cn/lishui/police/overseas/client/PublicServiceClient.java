package cn.lishui.police.overseas.client;

import java.time.Instant;
import java.util.List;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** What overseas-service needs of public-service (contracts 5-7); a tolerant reader of its answers. */
@FeignClient(name = "public", url = "${fengqiao.clients.public.url:http://127.0.0.1:8083}")
public interface PublicServiceClient {

    /** Contract 5: one page of the global (全球通办) items. */
    @GetMapping("/api/public/items")
    ItemPage items(@RequestParam("global") boolean global, @RequestParam("page") int page,
                   @RequestParam("size") int size, @RequestParam("sort") String sort);

    /**
     * Contract 6: an application for a compatriot. The body is sent as the exact JSON text kept in the
     * application's document, so every attempt with the same key carries the same bytes (the provider
     * replays the first answer only for an identical body).
     */
    @PostMapping(value = "/api/public/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
    Application apply(@RequestHeader("Idempotency-Key") String idempotencyKey, @RequestBody String applyJson);

    /** Contract 7: where an application stands. */
    @GetMapping("/api/public/applications/{id}")
    Application application(@PathVariable("id") String id);

    record ItemPage(List<Item> content, PageInfo page) {
    }

    record PageInfo(int size, int number, long totalElements, int totalPages) {
    }

    record Item(String code, String name, String nameEn, String department, int promisedLimitDays, int feeYuan,
                boolean global, boolean zeroVisit, List<String> channels, List<FormField> form) {
    }

    record FormField(String name, String labelZh, String labelEn, String type, List<String> values,
                     boolean required) {
    }

    record Application(String id, String itemCode, String itemName, String channel, String applicantId,
                       String status, String reason, List<String> missingMaterials, Instant submittedAt,
                       Instant dueAt, Instant finishedAt) {
    }
}
