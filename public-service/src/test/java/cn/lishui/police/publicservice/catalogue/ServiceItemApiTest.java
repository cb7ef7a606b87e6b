package cn.lishui.police.publicservice.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.lishui.police.platform.test.SelectedMongo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class ServiceItemApiTest {

    private static final String ITEMS = "/api/public/service-items";

    @Autowired
    RestTestClient http;

    @Autowired
    ServiceItemRepository items;

    @Test
    void listingIsAPageOfServiceItemsWithPageMetadata() {
        String token = token();
        for (int i = 1; i <= 3; i++) {
            item("T-" + token + "-" + i, "测试事项" + token + "之" + i, Department.PUBLIC_ORDER, false, 1);
        }

        http.get().uri(ITEMS + "?q={q}&size=2&sort=code", token).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.content.length()").isEqualTo(2)
                .jsonPath("$.content[0].code").isEqualTo("T-" + token + "-1")
                .jsonPath("$.content[0].department").isEqualTo("PUBLIC_ORDER")
                .jsonPath("$.page.size").isEqualTo(2)
                .jsonPath("$.page.number").isEqualTo(0)
                .jsonPath("$.page.totalElements").isEqualTo(3)
                .jsonPath("$.page.totalPages").isEqualTo(2);

        http.get().uri(ITEMS + "?q={q}", token).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.page.size").isEqualTo(20)
                .jsonPath("$.content[*].code").isEqualTo(
                        List.of("T-" + token + "-1", "T-" + token + "-2", "T-" + token + "-3"));

        http.get().uri(ITEMS + "?q={q}&size=2&page=1&sort=code", token).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content.length()").isEqualTo(1)
                .jsonPath("$.content[0].code").isEqualTo("T-" + token + "-3")
                .jsonPath("$.page.number").isEqualTo(1);
    }

    @Test
    void pageSizeIsCappedAt200() {
        http.get().uri(ITEMS + "?size=100000").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.page.size").isEqualTo(200);
    }

    @Test
    void listingFiltersByDepartmentAndGlobalFlag() {
        String token = token();
        item("T-" + token + "-a", "驾驶证" + token, Department.TRAFFIC, true, 0);
        item("T-" + token + "-b", "行驶证" + token, Department.TRAFFIC, false, 1);
        item("T-" + token + "-c", "户籍" + token, Department.HOUSEHOLD, true, 0);

        http.get().uri(ITEMS + "?q={q}&department=TRAFFIC&global=true", token).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.page.totalElements").isEqualTo(1)
                .jsonPath("$.content[0].code").isEqualTo("T-" + token + "-a");

        http.get().uri(ITEMS + "?q={q}&global=true&sort=code", token).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[*].code").isEqualTo(List.of("T-" + token + "-a", "T-" + token + "-c"));

        http.get().uri(ITEMS + "?q={q}&department=TRAFFIC&sort=code", token).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[*].code").isEqualTo(List.of("T-" + token + "-a", "T-" + token + "-b"));
    }

    @Test
    void gettingAnItemByCodeShowsTheCatalogueFieldsAndServerTimestamps() {
        String code = "T-" + token();
        item(code, "出入境记录查询证明（测试）", Department.EXIT_ENTRY, true, 0);

        http.get().uri(ITEMS + "/{code}", code).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.name").isEqualTo("出入境记录查询证明（测试）")
                .jsonPath("$.department").isEqualTo("EXIT_ENTRY")
                .jsonPath("$.online").isEqualTo(true)
                .jsonPath("$.mobile").isEqualTo(true)
                .jsonPath("$.instant").isEqualTo(true)
                .jsonPath("$.zeroVisit").isEqualTo(true)
                .jsonPath("$.global").isEqualTo(true)
                .jsonPath("$.maxVisits").isEqualTo(0)
                .jsonPath("$.statutoryLimitDays").isEqualTo(5)
                .jsonPath("$.channels[3]").isEqualTo("OVERSEAS_STATION")
                .jsonPath("$.createdAt").value(String.class,
                        at -> assertThat(at).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z"))
                .jsonPath("$.updatedAt").isNotEmpty()
                .jsonPath("$.id").doesNotExist();
    }

    @Test
    void anUnknownCodeIsA404ProblemInChineseByDefault() {
        http.get().uri(ITEMS + "/{code}", "NO-SUCH-ITEM").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.code").isEqualTo("SERVICE_ITEM_NOT_FOUND")
                .jsonPath("$.title").isEqualTo("服务事项不存在")
                .jsonPath("$.detail").isEqualTo("编码为 NO-SUCH-ITEM 的政务服务事项不存在。")
                .jsonPath("$.instance").isEqualTo(ITEMS + "/NO-SUCH-ITEM");
    }

    @Test
    void theProblemIsInEnglishWhenAskedFor() {
        http.get().uri(ITEMS + "/{code}", "NO-SUCH-ITEM").header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.code").isEqualTo("SERVICE_ITEM_NOT_FOUND")
                .jsonPath("$.title").isEqualTo("Service item not found")
                .jsonPath("$.detail").isEqualTo("There is no service item with code NO-SUCH-ITEM.");
    }

    @Test
    void anUnknownDepartmentIsA400Problem() {
        http.get().uri(ITEMS + "?department=FIRE_BRIGADE").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_PARAMETER")
                .jsonPath("$.errors[0].field").isEqualTo("department");
    }

    @Test
    void anOverlongSearchTermIsAValidationProblem() {
        http.get().uri(ITEMS + "?q={q}", "身".repeat(51)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("q")
                .jsonPath("$.errors[0].message").isNotEmpty();
    }

    @Test
    void regexCharactersInTheSearchAreTakenLiterally() {
        String token = token();
        item("T-" + token + "-meta", "证明(甲).*" + token, Department.HOUSEHOLD, false, 1);
        item("T-" + token + "-plain", "证明乙" + token, Department.HOUSEHOLD, false, 1);
        long everything = items.count();

        // ".*" would match every item if it reached the regex unescaped
        http.get().uri(ITEMS + "?q={q}&size=200", ".*").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[*]").value(List.class,
                        found -> assertThat(found).isNotEmpty().allMatch(item -> namesOf(item).contains(".*")))
                .jsonPath("$.page.totalElements").value(Integer.class,
                        total -> assertThat(total.longValue()).isLessThan(everything));

        // "(" alone is an invalid pattern: unescaped, it would fail the query
        http.get().uri(ITEMS + "?q={q}&size=200", "(").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[*]").value(List.class,
                        found -> assertThat(found).isNotEmpty().allMatch(item -> namesOf(item).contains("(")));

        http.get().uri(ITEMS + "?q={q}", "(甲).*" + token).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.page.totalElements").isEqualTo(1)
                .jsonPath("$.content[0].code").isEqualTo("T-" + token + "-meta");

        // a quoting terminator in the input must not break out of the quoted pattern
        http.get().uri(ITEMS + "?q={q}", "\\E.*").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.page.totalElements").isEqualTo(0);
    }

    private void item(String code, String name, Department department, boolean global, int maxVisits) {
        items.save(new ServiceItem(CatalogueEntry.simple(code, name, department, maxVisits == 0, global, maxVisits,
                5)));
    }

    /** The code and both names of a listed item: what the keyword search looks at. */
    private static String namesOf(Object item) {
        Map<?, ?> fields = (Map<?, ?>) item;
        return fields.get("code") + " " + fields.get("name") + " " + fields.get("nameEn");
    }

    private static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
