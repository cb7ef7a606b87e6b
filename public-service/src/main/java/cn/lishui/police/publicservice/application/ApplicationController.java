package cn.lishui.police.publicservice.application;

import java.net.URI;

import cn.lishui.police.platform.security.Caller;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.SortDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Applications (办件): applicants submit and follow theirs, window clerks process them. */
@RestController
@RequestMapping("/api/public/applications")
class ApplicationController {

    private final Applications applications;

    ApplicationController(Applications applications) {
        this.applications = applications;
    }

    /**
     * Applicants apply for themselves; station staff with a proxy apply for a compatriot (onBehalfOf), and so does
     * overseas-service (role SERVICE) for the 全球通办 applications of its portal.
     */
    @PostMapping
    ResponseEntity<ApplicationView> apply(@Valid @RequestBody ApplicationCommands.Apply command) {
        Application application = applications.apply(Caller.current(), command);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(application.id()).toUri();
        return ResponseEntity.created(location).body(ApplicationView.of(application, applications.now()));
    }

    /** The caller's own applications; staff (WINDOW_CLERK, COMMANDER, ADMIN) see all unless they ask for ?mine. */
    @GetMapping
    Page<ApplicationView> list(@RequestParam(required = false) String mine,
                               @SortDefault(value = "submittedAt", direction = Sort.Direction.DESC)
                               Pageable pageable) {
        boolean onlyMine = mine != null && !"false".equalsIgnoreCase(mine);
        return applications.list(Caller.current(), onlyMine, pageable)
                .map(application -> ApplicationView.of(application, applications.now()));
    }

    @GetMapping("/{id}")
    ApplicationView get(@PathVariable String id) {
        return ApplicationView.of(applications.get(Caller.current(), id), applications.now());
    }

    @PostMapping("/{id}/actions/{action}")
    @PreAuthorize("hasRole('WINDOW_CLERK')")
    ApplicationView act(@PathVariable String id, @PathVariable String action,
                        @Valid @RequestBody(required = false) ApplicationCommands.Act details) {
        Application application = applications.act(Caller.current(), id, ApplicationAction.ofPath(action),
                details == null ? ApplicationCommands.Act.NONE : details);
        return ApplicationView.of(application, applications.now());
    }

    /** A window clerk records the applicant's visit to the window (跑动一次). */
    @PostMapping("/{id}/visits")
    @PreAuthorize("hasRole('WINDOW_CLERK')")
    ResponseEntity<ApplicationView> recordVisit(@PathVariable String id,
                                                @Valid @RequestBody(required = false)
                                                ApplicationCommands.RecordVisit command) {
        Application application = applications.recordVisit(Caller.current(), id, command);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/public/applications/{id}/visits/{n}")
                .buildAndExpand(application.id(), application.visits().size()).toUri();
        return ResponseEntity.created(location).body(ApplicationView.of(application, applications.now()));
    }
}
