package cn.lishui.police.overseas.support;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The stand-ins for grid-service and public-service that every test context of this module points its Feign
 * clients at (one pair per test JVM, so the Spring contexts are shared). The behaviour follows contracts 1,
 * 3, 5, 6 and 7 closely enough for overseas-service's own tests; the contract tests run the clients against
 * the real providers.
 */
public final class Providers {

    public static final StubProvider GRID = new StubProvider();
    public static final StubProvider PUBLIC = new StubProvider();

    /** Villages grid-service knows (code → name); any other 12-digit code is a 404. */
    public static final Map<String, String> VILLAGES = new ConcurrentHashMap<>();
    /** A county and a town: regions that are not villages. */
    public static final Set<String> NOT_VILLAGES = Set.of("331121", "331121001");

    /** Applications public-service holds, by the caller's Idempotency-Key. */
    public static final Map<String, String> APPLICATIONS_BY_KEY = new ConcurrentHashMap<>();
    public static final Map<String, String> APPLICATION_STATUS = new ConcurrentHashMap<>();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** public-service takes the application but its answer is lost on the way back (a 504 from a proxy). */
    public static volatile boolean loseApplyAnswers;
    /** An applicant name public-service's form check refuses (422 FORM_INVALID with a field error). */
    public static final String REFUSED_NAME = "REFUSED-BY-FORM-CHECK";
    /** Care visits grid-service holds, by requestRef. */
    public static final Map<String, String> CARE_VISITS_BY_REF = new ConcurrentHashMap<>();
    public static final Map<String, String> CARE_VISIT_STATUS = new ConcurrentHashMap<>();

    static {
        VILLAGES.put("331121001001", "鹤城街道测试村");
        VILLAGES.put("331121002003", "温溪镇测试村");
        GRID.route("GET /api/grid/regions/", call -> {
            String code = call.path().substring("/api/grid/regions/".length());
            if (!code.matches("\\d{6}|\\d{9}|\\d{12}")) {
                return new StubProvider.Answer(400, "{\"status\":400,\"code\":\"VALIDATION_FAILED\"}");
            }
            if (NOT_VILLAGES.contains(code)) {
                return new StubProvider.Answer(200, "{\"code\":\"" + code + "\",\"name\":\"青田\",\"level\":\""
                        + (code.length() == 6 ? "COUNTY" : "TOWN") + "\",\"children\":[],\"grids\":[]}");
            }
            String name = VILLAGES.get(code);
            return name == null ? new StubProvider.Answer(404, "{\"status\":404,\"code\":\"REGION_NOT_FOUND\"}")
                    : new StubProvider.Answer(200, "{\"code\":\"" + code + "\",\"name\":\"" + name
                    + "\",\"nameEn\":\"Test\",\"level\":\"VILLAGE\",\"parentCode\":\"" + code.substring(0, 9)
                    + "\",\"children\":[],\"grids\":[{\"code\":\"" + code + "001\",\"name\":\"网格\",\"type\":\"VILLAGE\"}],"
                    + "\"extra\":42}");
        });
        GRID.route("POST /api/grid/care-visits", call -> {
            String ref = field(call.body(), "requestRef");
            String village = field(call.body(), "villageCode");
            if (!VILLAGES.containsKey(village)) {
                return new StubProvider.Answer(404, "{\"status\":404,\"code\":\"VILLAGE_NOT_FOUND\"}");
            }
            boolean fresh = !CARE_VISITS_BY_REF.containsKey(ref);
            String id = CARE_VISITS_BY_REF.computeIfAbsent(ref, r -> "visit-" + SEQUENCE.incrementAndGet());
            CARE_VISIT_STATUS.putIfAbsent(id, "OPEN");
            return new StubProvider.Answer(fresh ? 201 : 200, careVisit(id, village, ref));
        });
        GRID.route("GET /api/grid/care-visits/", call -> {
            String id = call.path().substring("/api/grid/care-visits/".length());
            String ref = CARE_VISITS_BY_REF.entrySet().stream().filter(e -> e.getValue().equals(id))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            return ref == null ? new StubProvider.Answer(404, "{\"status\":404,\"code\":\"CARE_VISIT_NOT_FOUND\"}")
                    : new StubProvider.Answer(200, careVisit(id, "331121001001", ref));
        });

        PUBLIC.route("GET /api/public/items", call -> new StubProvider.Answer(200, """
                {"content":[
                 {"code":"LSGA-CRJ-0001","name":"出入境记录查询证明（本人申请）","nameEn":"Certificate of exit-entry records",
                  "department":"EXIT_ENTRY","promisedLimitDays":0,"feeYuan":0,"global":true,"zeroVisit":true,
                  "channels":["ONLINE","OVERSEAS_STATION"],"form":[{"name":"applicantName","labelZh":"申请人姓名",
                  "labelEn":"Applicant name","type":"STRING","values":[],"required":true}],"legalBasis":"x"},
                 {"code":"LSGA-HZ-0002","name":"户籍证明","nameEn":"Household registration certificate",
                  "department":"HOUSEHOLD","promisedLimitDays":1,"feeYuan":0,"global":true,"zeroVisit":true,
                  "channels":["ONLINE","OVERSEAS_STATION"],"form":[]}],
                 "page":{"size":200,"number":0,"totalElements":2,"totalPages":1}}
                """));
        PUBLIC.route("POST /api/public/applications", call -> {
            String key = call.header("Idempotency-Key");
            boolean fresh = key == null || !APPLICATIONS_BY_KEY.containsKey(key);
            String id = key == null ? "app-" + SEQUENCE.incrementAndGet()
                    : APPLICATIONS_BY_KEY.computeIfAbsent(key, k -> "app-" + SEQUENCE.incrementAndGet());
            if (call.body().contains(REFUSED_NAME)) { // public-service's form check refuses the name
                APPLICATIONS_BY_KEY.remove(key == null ? "" : key);
                return new StubProvider.Answer(422, "{\"status\":422,\"code\":\"FORM_INVALID\",\"errors\":"
                        + "[{\"field\":\"form.applicantName\",\"message\":\"姓名须与护照一致\"}]}");
            }
            APPLICATION_STATUS.putIfAbsent(id, "SUBMITTED");
            if (loseApplyAnswers) {
                return new StubProvider.Answer(504, "{\"status\":504}");
            }
            return new StubProvider.Answer(fresh ? 201 : 201, application(id, field(call.body(), "itemCode"),
                    field(call.body(), "onBehalfOf")));
        });
        PUBLIC.route("GET /api/public/applications/", call -> {
            String id = call.path().substring("/api/public/applications/".length());
            return APPLICATION_STATUS.containsKey(id) ? new StubProvider.Answer(200, application(id, "LSGA-CRJ-0001", "x"))
                    : new StubProvider.Answer(404, "{\"status\":404,\"code\":\"APPLICATION_NOT_FOUND\"}");
        });
    }

    private Providers() {
    }

    /** Points the Feign clients at the stand-ins; keeps the breakers from opening across tests. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("fengqiao.clients.grid.url", GRID::url);
        registry.add("fengqiao.clients.public.url", PUBLIC::url);
    }

    private static String careVisit(String id, String village, String ref) {
        return "{\"id\":\"" + id + "\",\"villageCode\":\"" + village + "\",\"gridCode\":\"" + village
                + "001\",\"officerId\":\"officer-1\",\"officerName\":\"张警官\",\"status\":\"" + CARE_VISIT_STATUS.get(id)
                + "\",\"requestRef\":\"" + ref + "\",\"createdAt\":\"2026-11-29T01:00:00Z\"}";
    }

    private static String application(String id, String itemCode, String onBehalfOf) {
        return "{\"id\":\"" + id + "\",\"itemCode\":\"" + itemCode + "\",\"itemName\":\"出入境记录查询证明\","
                + "\"channel\":\"OVERSEAS_STATION\",\"applicantId\":\"" + onBehalfOf + "\",\"status\":\""
                + APPLICATION_STATUS.get(id) + "\",\"submittedAt\":\"2026-11-29T01:00:00Z\","
                + "\"dueAt\":\"2026-11-30T16:00:00Z\"}";
    }

    /** A string field of a flat JSON body (enough for the stand-ins). */
    static String field(String json, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"")
                .matcher(json);
        return m.find() ? m.group(1) : null;
    }
}
