package cn.lishui.police.overseas.portal;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import cn.lishui.police.overseas.client.PublicServiceClient;
import cn.lishui.police.platform.security.Caller;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The overseas portal (海外门户) for compatriots and station staff: the global service list, 全球通办
 * applications and their status, and family-care visits at home.
 */
@RestController
@RequestMapping(PortalController.PATH)
class PortalController {

    static final String PATH = "/api/overseas/portal";

    record GlobalItems(List<PublicServiceClient.Item> items, int count, Instant fetchedAt,
                       boolean stale) {
    }

    private final GlobalServiceList globalList;
    private final GlobalItemsJson globalItemsJson;
    private final PortalApplications applications;
    private final CareVisits careVisits;

    PortalController(GlobalServiceList globalList, GlobalItemsJson globalItemsJson, PortalApplications applications,
                     CareVisits careVisits) {
        this.globalList = globalList;
        this.globalItemsJson = globalItemsJson;
        this.applications = applications;
        this.careVisits = careVisits;
    }

    /**
     * The 全球通办 list; {@code stale} when public-service could not be asked and the last known list is shown.
     * The body is {@link GlobalItems}, written once per version of the list ({@link GlobalItemsJson}).
     */
    @GetMapping("/global-items")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = GlobalItems.class)))
    ResponseEntity<byte[]> globalItems() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(globalItemsJson.of(globalList.listing()));
    }

    @PostMapping("/applications")
    ResponseEntity<PortalApplicationView> apply(@Valid @RequestBody PortalCommands.Apply command) {
        PortalApplication application = applications.apply(command, Caller.current());
        return ResponseEntity.created(URI.create(PATH + "/applications/" + application.id()))
                .body(PortalApplicationView.of(application, false));
    }

    @GetMapping("/applications")
    Page<PortalApplicationView> applications(Pageable pageable) {
        return applications.list(Caller.current(), pageable).map(a -> PortalApplicationView.of(a, false));
    }

    /** The application with its current status at public-service. */
    @GetMapping("/applications/{id}")
    PortalApplicationView application(@PathVariable String id) {
        return applications.track(id, Caller.current());
    }

    @PostMapping("/care-visits")
    ResponseEntity<CareVisitView> askCareVisit(@Valid @RequestBody PortalCommands.AskCareVisit command) {
        CareVisit visit = careVisits.ask(command, Caller.current());
        return ResponseEntity.created(URI.create(PATH + "/care-visits/" + visit.id()))
                .body(CareVisitView.of(visit, false));
    }

    @GetMapping("/care-visits")
    Page<CareVisitView> careVisits(Pageable pageable) {
        return careVisits.list(Caller.current(), pageable).map(v -> CareVisitView.of(v, false));
    }

    @GetMapping("/care-visits/{id}")
    CareVisitView careVisit(@PathVariable String id) {
        return careVisits.track(id, Caller.current());
    }
}
