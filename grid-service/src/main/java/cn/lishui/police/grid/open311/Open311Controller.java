package cn.lishui.police.grid.open311;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.lishui.police.grid.incident.Incident;
import cn.lishui.police.grid.incident.IncidentCategory;
import cn.lishui.police.grid.incident.IncidentCommands;
import cn.lishui.police.grid.incident.IncidentStatus;
import cn.lishui.police.grid.incident.Incidents;
import cn.lishui.police.grid.incident.ReportChannel;
import cn.lishui.police.platform.region.LishuiCounty;
import cn.lishui.police.platform.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 (JSON) over the incidents: citizens report the citizen-reportable categories
 * located to a grid. Discovery and the service list are open; requests need a token (a citizen sees what
 * they reported, staff their area). {@code service_request_id} is the incident number; the token of a new
 * request is the incident id. The wire format follows the spec's snake_case names.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    static final String JURISDICTION = "lishui.gov.cn";
    static final Duration MAX_RANGE = Duration.ofDays(90);
    static final int MAX_RESULTS = 200;
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([A-Za-z0-9_]{1,50})]");
    private static final Pattern NUMBER = Pattern.compile("JQ\\d{19}");

    record Discovery(String changeset, String contact, String key_service, List<Endpoint> endpoints) {
    }

    record Endpoint(String specification, String url, String changeset, String type, List<String> formats) {
    }

    record Created(String service_request_id, String token, String service_notice, String account_id) {
    }

    record Token(String service_request_id, String token) {
    }

    record Request(String service_request_id, String status, String status_notes, String service_name,
                   String service_code, String description, String agency_responsible, String service_notice,
                   Instant requested_datetime, Instant updated_datetime, Instant expected_datetime, String address,
                   String address_id, String zipcode, Double lat, @com.fasterxml.jackson.annotation.JsonProperty("long")
                   Double lng, String media_url) {
    }

    private final Incidents incidents;
    private final String baseUrl;

    Open311Controller(Incidents incidents,
                      @Value("${fengqiao.open311.base-url:http://127.0.0.1:8080/open311/v2}") String baseUrl) {
        this.incidents = incidents;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/discovery.json")
    Discovery discovery() {
        String changeset = "2026-11-29T00:00:00Z";
        return new Discovery(changeset, "丽水市公安局 110 / 96110", "使用丽水警务统一身份认证的访问令牌（Authorization: Bearer）提交和查询",
                List.of(new Endpoint("http://wiki.open311.org/GeoReport_v2", baseUrl, changeset, "production",
                        List.of("application/json"))));
    }

    @GetMapping("/services.json")
    List<Open311Catalog.Service> services(@RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        checkJurisdiction(jurisdiction);
        return Open311Catalog.services();
    }

    @GetMapping("/services/{code}.json")
    Open311Catalog.Definition service(@PathVariable String code,
                                      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        checkJurisdiction(jurisdiction);
        return Open311Catalog.definition(code)
                .orElseThrow(() -> Open311Exception.absent("OPEN311_SERVICE_NOT_FOUND", code));
    }

    /** A citizen's report (application/x-www-form-urlencoded), created at once: the answer has the id and a token. */
    @PostMapping(value = "/requests.json", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<List<Created>> create(jakarta.servlet.http.HttpServletRequest request) {
        MultiValueMap<String, String> form = form(request);
        checkJurisdiction(form.getFirst("jurisdiction_id"));
        String serviceCode = required(form, "service_code");
        IncidentCategory category = Open311Catalog.category(serviceCode)
                .orElseThrow(() -> Open311Exception.absent("OPEN311_SERVICE_NOT_FOUND", serviceCode));
        String description = required(form, "description");
        if (description.length() > 4000) {
            throw Open311Exception.bad("OPEN311_PARAMETER_INVALID", "description");
        }
        Double lat = decimal(form, "lat");
        Double lng = decimal(form, "long");
        String addressId = text(form, "address_id", 12);
        String address = text(form, "address_string", 200);
        if ((lat == null) != (lng == null)) {
            throw Open311Exception.bad("OPEN311_PARAMETER_REQUIRED", lat == null ? "lat" : "long");
        }
        if (lat == null && addressId == null) {
            // An address alone cannot be located to a grid: there is no geocoder; address_id is a village code.
            throw Open311Exception.bad("OPEN311_LOCATION_REQUIRED");
        }
        if (addressId != null && !addressId.matches("\\d{12}")) {
            throw Open311Exception.bad("OPEN311_PARAMETER_INVALID", "address_id");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : form.entrySet()) {
            Matcher matcher = ATTRIBUTE.matcher(entry.getKey());
            if (matcher.matches()) {
                attributes.put(matcher.group(1), entry.getValue().isEmpty() ? null : entry.getValue().get(0));
            } else if (entry.getKey().startsWith("attribute")) {
                throw Open311Exception.bad("OPEN311_PARAMETER_INVALID", entry.getKey());
            }
        }
        Map<String, String> checked = Open311Catalog.check(serviceCode, attributes);
        String name = joinName(text(form, "last_name", 25), text(form, "first_name", 25));
        String phone = text(form, "phone", 20);
        if (phone != null && !phone.matches("\\+?[0-9 -]{7,20}")) {
            throw Open311Exception.bad("OPEN311_PARAMETER_INVALID", "phone");
        }
        Incident incident = incidents.report(new IncidentCommands.Report(category, null, description.strip(), lat, lng,
                        lat == null ? addressId : null, address, new IncidentCommands.ReporterInfo(name, phone), checked),
                Caller.current(), ReportChannel.OPEN311);
        return ResponseEntity.status(HttpStatus.CREATED).body(List.of(new Created(incident.number(), incident.id(),
                notice(), null)));
    }

    @GetMapping("/requests.json")
    List<Request> requests(@RequestParam(name = "service_request_id", required = false) String ids,
                           @RequestParam(name = "service_code", required = false) String codes,
                           @RequestParam(name = "start_date", required = false) String startDate,
                           @RequestParam(name = "end_date", required = false) String endDate,
                           @RequestParam(name = "status", required = false) String status,
                           @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        checkJurisdiction(jurisdiction);
        List<String> numbers = list(ids);
        for (String number : numbers) {
            if (!NUMBER.matcher(number).matches()) {
                throw Open311Exception.bad("OPEN311_PARAMETER_INVALID", "service_request_id");
            }
        }
        List<IncidentCategory> categories = new ArrayList<>();
        for (String code : list(codes)) {
            categories.add(Open311Catalog.category(code)
                    .orElseThrow(() -> Open311Exception.bad("OPEN311_PARAMETER_INVALID", "service_code")));
        }
        Instant end = endDate == null ? Instant.now() : instant(endDate, "end_date");
        Instant start = startDate == null ? end.minus(MAX_RANGE) : instant(startDate, "start_date");
        if (start.isAfter(end) || Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw Open311Exception.bad("OPEN311_DATE_RANGE", MAX_RANGE.toDays());
        }
        Boolean closed = null;
        List<String> statuses = list(status);
        if (!statuses.isEmpty()) {
            if (!List.of("open", "closed").containsAll(statuses)) {
                throw Open311Exception.bad("OPEN311_PARAMETER_INVALID", "status");
            }
            closed = statuses.size() == 2 ? null : statuses.contains("closed");
        }
        return incidents.search(numbers, categories, start, end, closed, Caller.current(), MAX_RESULTS).stream()
                .map(this::request).toList();
    }

    @GetMapping("/requests/{id}.json")
    List<Request> request(@PathVariable String id,
                          @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        checkJurisdiction(jurisdiction);
        return List.of(incidents.byNumber(id, Caller.current()).map(this::request)
                .orElseThrow(() -> Open311Exception.absent("OPEN311_REQUEST_NOT_FOUND", id)));
    }

    @GetMapping("/tokens/{token}.json")
    List<Token> token(@PathVariable String token,
                      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        checkJurisdiction(jurisdiction);
        return List.of(incidents.byId(token, Caller.current()).map(i -> new Token(i.number(), token))
                .orElseThrow(() -> Open311Exception.absent("OPEN311_TOKEN_NOT_FOUND", token)));
    }

    private Request request(Incident incident) {
        boolean closed = incident.status() == IncidentStatus.CLOSED;
        String agency = incident.stationId() != null ? incident.stationId()
                : LishuiCounty.ofCode(incident.countyCode()).map(c -> c.chineseName() + "公安局").orElse("丽水市公安局");
        return new Request(incident.number(), closed ? "closed" : "open",
                closed && incident.outcome() != null ? incident.outcome().name() : null,
                Open311Catalog.name(incident.category()), Open311Catalog.code(incident.category()),
                incident.description(), agency, notice(), incident.reportedAt(), incident.updatedAt(), null,
                incident.address(), incident.villageCode(), null, incident.lat(), incident.lng(), null);
    }

    /** The form fields and the query string's parameters (the platform offers a buffered form body as parameters). */
    private static MultiValueMap<String, String> form(jakarta.servlet.http.HttpServletRequest request) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        request.getParameterMap().forEach((name, values) -> form.put(name, java.util.List.of(values)));
        return form;
    }

    private static String notice() {
        return "紧急情况请直接拨打 110";
    }

    private static void checkJurisdiction(String jurisdiction) {
        if (jurisdiction != null && !jurisdiction.isBlank() && !JURISDICTION.equals(jurisdiction.strip())
                && !LishuiCounty.LISHUI_CITY.equals(jurisdiction.strip())) {
            throw Open311Exception.absent("OPEN311_JURISDICTION_NOT_FOUND", jurisdiction);
        }
    }

    private static String required(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        if (value == null || value.isBlank()) {
            throw Open311Exception.bad("OPEN311_PARAMETER_REQUIRED", name);
        }
        return value.strip();
    }

    private static String text(MultiValueMap<String, String> form, String name, int max) {
        String value = form.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw Open311Exception.bad("OPEN311_PARAMETER_INVALID", name);
        }
        return value.strip();
    }

    private static Double decimal(MultiValueMap<String, String> form, String name) {
        String value = text(form, name, 30);
        if (value == null) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (!Double.isFinite(parsed)) {
                throw new NumberFormatException(value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw Open311Exception.bad("OPEN311_PARAMETER_INVALID", name);
        }
    }

    private static Instant instant(String value, String name) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw Open311Exception.bad("OPEN311_PARAMETER_INVALID", name);
        }
    }

    private static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String joinName(String lastName, String firstName) {
        String name = (lastName == null ? "" : lastName) + (firstName == null ? "" : firstName);
        return name.isBlank() ? null : name;
    }
}
